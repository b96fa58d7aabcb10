import io
import random
import re

from PIL import Image

from demo.files import answer_pdf, scene_jpeg


def test_answer_pdf_cross_references_point_at_each_object():
    pdf = answer_pdf(["Primăria Municipiului Cluj-Napoca", "Rezultat: (rezolvat)"])

    start = int(re.search(rb"startxref\n(\d+)", pdf).group(1))
    offsets = re.findall(rb"(\d{10}) 00000 n ", pdf[start:])
    assert pdf.startswith(b"%PDF-1.4\n")
    assert pdf.endswith(b"%%EOF\n")
    assert pdf[start:].startswith(b"xref\n0 6\n")
    for number, offset in enumerate(offsets, start=1):
        assert pdf[int(offset) :].startswith(b"%d 0 obj" % number)


def test_answer_pdf_writes_romanian_letters_without_diacritics():
    pdf = answer_pdf(["Spații verzi, Mănăștur (Cluj)"])

    assert b"(Spatii verzi, Manastur \\(Cluj\\)) '" in pdf


def test_scene_jpeg_is_a_photo_the_product_accepts():
    image = Image.open(io.BytesIO(scene_jpeg("roads", random.Random(1))))

    assert image.format == "JPEG"
    assert image.size == (1024, 768)
