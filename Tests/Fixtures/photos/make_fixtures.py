"""Makes the site-photo fixtures (issue 26) with Pillow and piexif: small JPEGs carrying the EXIF a
phone camera writes, and the broken ones an upload must survive. Run from this folder:
    python3 make_fixtures.py
The files are committed; this script says how they were made."""
import io
import piexif
from PIL import Image, ImageDraw


def image(colour):
    im = Image.new("RGB", (64, 48), colour)
    d = ImageDraw.Draw(im)
    d.rectangle([8, 8, 40, 30], fill=(200, 200, 200))
    return im


def dms(value):
    v = abs(value)
    d = int(v)
    m = int((v - d) * 60)
    s = round(((v - d) * 60 - m) * 60 * 100)
    return ((d, 1), (m, 1), (s, 100))


def save(name, colour, exif=None):
    buf = io.BytesIO()
    if exif is None:
        image(colour).save(buf, "JPEG", quality=60)
    else:
        image(colour).save(buf, "JPEG", quality=60, exif=piexif.dump(exif))
    open(name, "wb").write(buf.getvalue())


def exif(lat=None, lon=None, taken=None, offset=None, make="HUAWEI", model="ELS-AN00"):
    zeroth = {piexif.ImageIFD.Make: make.encode(), piexif.ImageIFD.Model: model.encode()}
    ex, gps = {}, {}
    if taken:
        ex[piexif.ExifIFD.DateTimeOriginal] = taken.encode()
    if offset:
        ex[piexif.ExifIFD.OffsetTimeOriginal] = offset.encode()
    if lat is not None:
        gps[piexif.GPSIFD.GPSLatitudeRef] = b"N" if lat >= 0 else b"S"
        gps[piexif.GPSIFD.GPSLatitude] = dms(lat)
        gps[piexif.GPSIFD.GPSLongitudeRef] = b"E" if lon >= 0 else b"W"
        gps[piexif.GPSIFD.GPSLongitude] = dms(lon)
    return {"0th": zeroth, "Exif": ex, "GPS": gps}


# 二七区: 34.7245 N, 113.6401 E (WGS-84), taken 2023-06-15 10:30 Beijing time.
save("site.jpg", (90, 120, 160), exif(34.7245, 113.6401, "2023:06:15 10:30:00", "+08:00"))
# No EXIF at all.
save("no-exif.jpg", (120, 90, 60))
# Southern and western references (Rio de Janeiro), no offset.
save("south-west.jpg", (60, 140, 60), exif(-22.9068, -43.1729, "2023:06:02 08:00:00"))
# A location and no time.
save("gps-no-time.jpg", (160, 60, 60), exif(34.7245, 113.6401))
# Its EXIF block cut short (the first 40 bytes of it kept, the segment's length saying so) and the
# rest of the JPEG whole: the IFDs point past the end of the block. The image itself is fine.
whole = open("site.jpg", "rb").read()
start = whole.index(b"\xff\xe1")
length = int.from_bytes(whole[start + 2:start + 4], "big")
cut = whole[start + 4:start + 4 + 40]
open("truncated.jpg", "wb").write(whole[:start] + b"\xff\xe1" + (len(cut) + 2).to_bytes(2, "big") + cut + whole[start + 2 + length:])
# A PNG, which carries nothing.
buf = io.BytesIO()
image((30, 30, 30)).save(buf, "PNG")
open("plain.png", "wb").write(buf.getvalue())
