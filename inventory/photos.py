"""Photo thumbnails of item types: any image Pillow reads, stored as a PNG of at most
``MAX_SIDE`` pixels so listings and the detail panel stay light."""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError

from app.core.access import Permission, requires
from app.core.db import UnitOfWork
from app.core.errors import NotFound, ValidationError
from inventory.models import ItemPhoto, ItemType

MAX_SIDE = 256
MAX_SOURCE_BYTES = 40 * 1024 * 1024


def thumbnail_png(data: bytes) -> bytes:
    """A PNG thumbnail of ``data`` (any format Pillow reads), at most MAX_SIDE a side."""
    if len(data) > MAX_SOURCE_BYTES:
        raise ValidationError("photo", "This image is too large (at most 40 MB).")
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            converted = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise ValidationError("photo", "This file is not an image that can be read.") from None
    out = io.BytesIO()
    converted.save(out, format="PNG", optimize=True)
    return out.getvalue()


@requires(Permission.CATALOGUE)
def set_photo(uow: UnitOfWork, *, user: str, item_type_id: int, image: bytes) -> None:
    """Store (or replace) the photo of an item type from an image file's bytes."""
    if uow.session.get(ItemType, item_type_id) is None:
        raise NotFound("This item type no longer exists.")
    png = thumbnail_png(image)
    existing = uow.session.get(ItemPhoto, item_type_id)
    if existing is None:
        uow.session.add(ItemPhoto(item_type_id=item_type_id, thumbnail_png=png))
    else:
        existing.thumbnail_png = png
    uow.flush()


@requires(Permission.CATALOGUE)
def remove_photo(uow: UnitOfWork, *, user: str, item_type_id: int) -> None:
    existing = uow.session.get(ItemPhoto, item_type_id)
    if existing is not None:
        uow.session.delete(existing)
        uow.flush()


def photo_of(uow: UnitOfWork, item_type_id: int) -> bytes | None:
    row = uow.session.get(ItemPhoto, item_type_id)
    return row.thumbnail_png if row is not None else None
