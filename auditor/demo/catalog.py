"""The demo shop's catalogue: enough products across categories that search, crawl and checkout have
something real to work on."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Product:
    name: str
    category: str
    price: float
    colour: str
    description: str
    sizes: tuple[str, ...] = ()
    in_stock: bool = True

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-")


CATEGORIES: dict[str, str] = {
    "kitchen": "Kitchen",
    "outdoor": "Outdoor",
    "apparel": "Apparel",
    "home-office": "Home office",
}

PRODUCTS: tuple[Product, ...] = (
    Product("Copper Kettle", "kitchen", 49.00, "#b87333", "A stovetop kettle in brushed copper that whistles when ready."),
    Product("Cast Iron Skillet", "kitchen", 39.50, "#444444", "A pre-seasoned 26 cm skillet for searing and baking."),
    Product("Bamboo Cutting Board", "kitchen", 24.00, "#c8a165", "A reversible board with a juice groove."),
    Product("Ceramic Teapot", "kitchen", 32.00, "#6a9fb5", "Holds 1.2 litres; with a stainless infuser."),
    Product("Chef Knife", "kitchen", 68.00, "#999999", "A 20 cm forged chef's knife with a walnut handle."),
    Product("Espresso Grinder", "kitchen", 129.00, "#2d2d2d", "A burr grinder with 40 grind settings.", in_stock=False),
    Product("Trail Backpack", "outdoor", 89.00, "#3b6e3b", "A 28 litre daypack with a rain cover."),
    Product("Camping Lantern", "outdoor", 29.00, "#e3b341", "A rechargeable LED lantern, 300 lumens."),
    Product("Insulated Water Bottle", "outdoor", 22.00, "#2f7fb5", "Keeps drinks cold for 24 hours."),
    Product("Folding Camp Chair", "outdoor", 45.00, "#7a4b2a", "A light aluminium chair that packs to 40 cm."),
    Product("Hammock Set", "outdoor", 59.00, "#c0392b", "A parachute-nylon hammock with tree straps."),
    Product("Trekking Poles", "outdoor", 54.00, "#555555", "A carbon pair with cork grips."),
    Product("Merino Wool Sweater", "apparel", 95.00, "#8e6c8a", "A fine-knit crew neck in merino wool.", sizes=("S", "M", "L", "XL")),
    Product("Rain Jacket", "apparel", 120.00, "#1f5f8b", "A waterproof, breathable shell with taped seams.", sizes=("S", "M", "L")),
    Product("Linen Shirt", "apparel", 55.00, "#e8e2d0", "A relaxed shirt in washed linen.", sizes=("S", "M", "L", "XL")),
    Product("Canvas Sneakers", "apparel", 65.00, "#f2f2f2", "Low-top sneakers with a natural rubber sole.", sizes=("38", "40", "42", "44")),
    Product("Wool Beanie", "apparel", 19.00, "#b03a2e", "A ribbed beanie in recycled wool."),
    Product("Leather Belt", "apparel", 35.00, "#6b4226", "A full-grain belt with a brass buckle.", sizes=("85", "95", "105")),
    Product("Standing Desk", "home-office", 399.00, "#d9d9d9", "An electric sit-stand desk with memory presets."),
    Product("Ergonomic Chair", "home-office", 289.00, "#333333", "A mesh chair with adjustable lumbar support."),
    Product("Desk Lamp", "home-office", 49.00, "#f1c40f", "A dimmable LED lamp with a USB charging port."),
    Product("Monitor Stand", "home-office", 39.00, "#8d6e63", "A walnut riser with a drawer."),
    Product("Noise Cancelling Headphones", "home-office", 179.00, "#212121", "Over-ear headphones with 30 hours of battery."),
    Product("Notebook Set", "home-office", 14.00, "#16a085", "Three dotted A5 notebooks."),
)


def by_slug(slug: str) -> Product | None:
    return next((p for p in PRODUCTS if p.slug == slug), None)


GENERATED_WORDS = ("Oak", "Slate", "Harbour", "Meadow", "Cedar", "Granite", "Willow", "Coastal", "Juniper", "Ember")
GENERATED_KINDS = {"kitchen": ("Mug", "Bowl", "Spatula", "Jar"), "outdoor": ("Tarp", "Stove", "Cooler", "Compass"),
                   "apparel": ("Scarf", "Cap", "Socks", "Gloves"), "home-office": ("Tray", "Shelf", "Clock", "Planner")}


def generated_products(count: int) -> tuple[Product, ...]:
    """Deterministic extra products, so benchmarks can grow the shop to any number of pages."""
    out = []
    categories = list(GENERATED_KINDS)
    for i in range(count):
        category = categories[i % len(categories)]
        kinds = GENERATED_KINDS[category]
        name = f"{GENERATED_WORDS[(i // 4) % len(GENERATED_WORDS)]} {kinds[(i // 40) % len(kinds)]} {i + 1:03d}"
        out.append(Product(name, category, 10.0 + (i * 7) % 90, "#%06x" % (0x335577 + i * 1117 % 0xAAAA),
                           f"A generated {kinds[(i // 40) % len(kinds)].lower()} for benchmarks."))
    return tuple(out)
