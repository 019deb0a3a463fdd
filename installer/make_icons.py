"""Render resources/hrsupply.svg to the PNG sizes desktops ask for and a Windows .ico.

Run after changing the SVG (`.venv/bin/python installer/make_icons.py`); the results are committed,
so building the app needs no SVG renderer."""

import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(QSize(size, size), QImage.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def main() -> None:
    QGuiApplication(sys.argv[:1] + ["-platform", "offscreen"])
    renderer = QSvgRenderer(str(RESOURCES / "hrsupply.svg"))
    (RESOURCES / "icons").mkdir(exist_ok=True)
    for size in SIZES:
        render(renderer, size).save(str(RESOURCES / "icons" / f"hrsupply-{size}.png"))
    writer = QImageWriter(str(RESOURCES / "hrsupply.ico"), b"ico")  # Qt writes the largest size it is given
    if not writer.write(render(renderer, 256)):
        raise SystemExit(f"could not write the .ico: {writer.errorString()}")
    print(f"wrote {len(SIZES)} PNGs and hrsupply.ico into {RESOURCES}")


if __name__ == "__main__":
    main()
