"""Every kind of node has its own look, and the physics settles in bounded time."""

from __future__ import annotations

from kg.model import EntityType
from kg.network import QUOTE_TYPE
from kg.render.style import STYLES, style_of, vis_options


def test_every_entity_type_and_quotes_have_a_style() -> None:
    assert {t.value for t in EntityType} | {QUOTE_TYPE} == set(STYLES)


def test_types_differ_in_colour_and_the_main_ones_in_shape() -> None:
    assert len({s.color for s in STYLES.values()}) == len(STYLES)
    main = [EntityType.PERSON.value, EntityType.ORGANIZATION.value, EntityType.PRODUCT.value,
            EntityType.PLATFORM.value, EntityType.UNNAMED_GROUP.value, QUOTE_TYPE]  # fmt: skip
    assert len({STYLES[t].shape for t in main}) == len(main)


def test_an_unknown_type_is_drawn_as_other() -> None:
    assert style_of("Vehicle") == STYLES[EntityType.THING.value]


def test_big_graphs_get_fewer_layout_iterations_and_no_costly_initial_layout() -> None:
    small, big = vis_options(40), vis_options(2000)
    assert small["layout"]["improvedLayout"] and not big["layout"]["improvedLayout"]
    assert big["physics"]["stabilization"]["iterations"] < small["physics"]["stabilization"]["iterations"]
    assert big["interaction"]["hideEdgesOnDrag"]
