from inventory.queries import search_types, type_rows
from tests import factories


def test_create_type_and_units_then_search(db, clock):
    factories.item(db)
    codes = [factories.unit(db, clock, serial=f"SN{i}") for i in range(3)]
    assert codes == ["LUM-00001", "LUM-00002", "LUM-00003"]
    with db.read() as uow:
        ids = search_types(uow, "SN2")
        rows = type_rows(uow, ids)
    assert [rows[i].code for i in ids] == ["LYRE-WASH"]
    assert rows[ids[0]].units == 3 and rows[ids[0]].serviceable == 3
