import pytest

from hrsupply.errors import UserError
from hrsupply.services import catalog, item_editor, movements
from hrsupply.services.item_editor import BarcodeLine, ComponentLine, ItemForm, PackLine, ParLine
from hrsupply.services.ledger import Move
from tests.conftest import at


def syringe_form(**changes) -> ItemForm:
    form = ItemForm(
        sku="SYR-28",
        name="Syringe 1 mL 28G",
        category="Syringes",
        packs=[PackLine("box", 100), PackLine("case", 1000)],
        barcodes=[BarcodeLine("0100"), BarcodeLine("0101", "box"), BarcodeLine("0102", "case")],
        pars=[ParLine("SITE", 5000, 2000), ParLine("VAN1", 600)],
        limit_quantity=200,
        limit_days=7,
    )
    for name, value in changes.items():
        setattr(form, name, value)
    return form


def test_an_item_saves_with_its_packs_barcodes_and_pars_and_loads_back(db, cat):
    item_id = item_editor.save_item(db, "lead", syringe_form())
    loaded = item_editor.load_item(db, item_id)
    assert loaded.packs == [PackLine("box", 100), PackLine("case", 1000)]
    assert loaded.barcodes == [BarcodeLine("0100"), BarcodeLine("0101", "box"), BarcodeLine("0102", "case")]
    assert loaded.pars == [ParLine("SITE", 5000, 2000), ParLine("VAN1", 600)]
    assert (loaded.limit_quantity, loaded.limit_days) == (200, 7)

    loaded.packs = [PackLine("box", 100)]
    loaded.barcodes = [BarcodeLine("0101", "box")]
    loaded.pars = [ParLine("SITE", 4000, 1000)]
    item_editor.save_item(db, "lead", loaded)
    again = item_editor.load_item(db, item_id)
    assert (again.packs, again.barcodes, again.pars) == (loaded.packs, loaded.barcodes, loaded.pars)


def test_scanning_a_pack_barcode_means_that_many_units(db, cat):
    item_editor.save_item(db, "lead", syringe_form())
    finder = catalog.item_finder(db)
    assert (finder.find("0102").units, finder.find("0102").pack) == (1000, "case")
    assert finder.find("0101").units == 100
    assert finder.find("0100").units == 1
    assert finder.scanned("0100").item.sku == "SYR-28"
    assert finder.find("syr-28").units == 1  # a typed SKU is one unit
    assert finder.scanned("SYR-28") is None  # only barcodes count as scans


def test_every_wrong_field_is_named_and_nothing_is_saved(db, cat):
    bad = syringe_form(
        sku="SYR-1ML",  # already the conftest syringe's
        name="",
        packs=[PackLine("box", 1), PackLine("BOX", 100)],
        barcodes=[BarcodeLine("0001"), BarcodeLine("0200", "pallet")],
        pars=[ParLine("NOWHERE", 10), ParLine("SITE", 10, 20)],
        limit_days=None,
    )
    with pytest.raises(UserError) as err:
        item_editor.save_item(db, "lead", bad)
    text = str(err.value)
    for expected in (
        "SKU: SYR-1ML is already used",
        "Name: required",
        "Pack sizes, row 1, units",
        "Pack sizes, row 2: BOX appears twice",
        "Barcodes, row 1: 0001 already belongs to SYR-1ML",
        "Barcodes, row 2: there is no pack size 'pallet'",
        "Par levels, row 1: there is no location",
        "Par levels, row 2: minimum 20 is above par 10",
        "Handout limit: give both",
    ):
        assert expected in text
    assert [i.sku for i in catalog.items(db)] == ["NAL-4MG", "SYR-1ML"]


def test_lot_tracking_cannot_change_once_an_item_has_movements(db, cat):
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 10, at(1))])
    form = item_editor.load_item(db, cat.syr)
    form.lot_tracked = True
    with pytest.raises(UserError, match="already has movements"):
        item_editor.save_item(db, "lead", form)


def test_an_inactive_item_leaves_entry_screens_but_keeps_its_history(db, cat):
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 10, at(1))])
    form = item_editor.load_item(db, cat.syr)
    form.active = False
    item_editor.save_item(db, "lead", form)
    assert "SYR-1ML" not in [i.sku for i in catalog.items(db)]
    assert catalog.item_finder(db).find("0001") is None
    assert "SYR-1ML" in [i.sku for i in catalog.items(db, include_inactive=True)]
    from hrsupply.services import stock

    assert stock.stock_card(db, cat.site, cat.syr, limit=10).lines[0].change == 10


def test_kit_recipe_rules(db, cat):
    kit = ItemForm(
        sku="KIT",
        name="Safer use kit",
        category="Kits",
        components=[ComponentLine("SYR-1ML", 10), ComponentLine("NAL-4MG", 1)],
    )
    kit_id = item_editor.save_item(db, "lead", kit)
    assert item_editor.load_item(db, kit_id).components == kit.components
    for components, message in (
        ([ComponentLine("KIT", 1)], "cannot contain itself"),
        ([ComponentLine("NOPE", 1)], "there is no item 'NOPE'"),
        ([ComponentLine("SYR-1ML", 0)], "quantity: must be a whole number of at least 1"),
    ):
        kit2 = item_editor.load_item(db, kit_id)
        kit2.components = components
        with pytest.raises(UserError, match=message):
            item_editor.save_item(db, "lead", kit2)
    nested = ItemForm(sku="BIG", name="Big kit", category="Kits", components=[ComponentLine("KIT", 2)])
    with pytest.raises(UserError, match="is itself a kit"):
        item_editor.save_item(db, "lead", nested)


def test_locations_and_sources(db, cat):
    van2 = item_editor.save_location(db, "lead", "van2", "Second van", "van")
    assert [l.code for l in catalog.locations(db)] == ["SITE", "VAN1", "VAN2"]
    with pytest.raises(UserError, match="Code: VAN1 is already used"):
        item_editor.save_location(db, "lead", "VAN1", "Dup", "van", location_id=van2)
    with pytest.raises(UserError, match="Kind: must be one of"):
        item_editor.save_location(db, "lead", "X", "X", "warehouse")
    donor = item_editor.save_source(db, "lead", "Community donations", "donation")
    item_editor.save_source(db, "lead", "State DOH", "state allocation")
    with pytest.raises(UserError, match="Name: State DOH is already used"):
        item_editor.save_source(db, "lead", "State DOH", "supplier")
    item_editor.save_source(db, "lead", "Community donations", "donation", active=False, source_id=donor)
    assert [s.name for s in item_editor.sources(db)] == ["State DOH"]
    assert len(item_editor.sources(db, include_inactive=True)) == 2
    form = item_editor.load_item(db, cat.syr)
    form.default_source = "State DOH"
    item_editor.save_item(db, "lead", form)
    assert item_editor.load_item(db, cat.syr).default_source == "State DOH"
