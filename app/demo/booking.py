"""The demo cooperative's customers and bookings, run after ``app.demo.inventory.build_demo``.

``small`` (the first-run demo): about 140 member customers and 60 non-members, and a year of
bookings around ``clock.today()`` (six months back, six months ahead) created through the
services — ``save_customer``, ``add_membership``, ``create_booking``, ``change_status`` — so
every rule holds; a generated booking refused for shortage is skipped.

``large`` (benchmarks): 3,000 customers and ten years of bookings (at least 200,000
bookings and 1,000,000 lines) written with bulk inserts (``app.demo.bulk``: ids given here,
one executemany per table, indexes built once at the end), with the desk's movements of
the bookings out now and of those back in the last ``MOVEMENT_DAYS`` days. Occupancy is
tracked per item type per day (conservatively: a booking holds every day it touches), and a
line is only placed where it fits the type's serviceable stock, so the large dataset never
over-books either. Bulk rows are not on the audit trail (``app.core.audit``: the builders'
Core inserts are fabricated history, not writes anybody made).

Both share one planner: seasonal kinds of events (festivals peak in summer, weekend concerts
picked up on Friday and back on Monday, school shows in December and June, village fêtes),
statuses consistent with the dates (past: returned or closed; current: out; future:
confirmed or quote; some cancelled). Deterministic: the same seed and clock give the same
rows (``random.Random``, dates from ``clock``, never the wall clock).
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
import random
from array import array
from bisect import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from sqlalchemy import ColumnElement, Connection, func
from sqlmodel import col, select

from app.core.clock import Clock, FixedClock
from app.core.db import Database, UnitOfWork, id_column
from app.core.errors import Conflict, ValidationError
from app.demo import bulk
from app.demo.booking_data import (
    ASSOCIATIONS,
    BANDS,
    BOOKING_NOTES,
    CITIES,
    COMMUNES,
    COMPANIES,
    CONFERENCES,
    FESTIVALS,
    FETES,
    PERSON_ROLES,
    PRIVATE,
    SCHOOL_EVENTS,
    STREETS,
    THEATRE,
    VENUE_PLACES,
    VENUES,
)
from app.demo.inventory_data import FIRST_NAMES, LAST_NAMES
from booking import bookings as booking_service
from booking import customers as customer_service
from booking.availability import serviceable, table_of
from booking.bookings import BookingData, Line, ShortageError
from booking.customers import CustomerData
from booking.models import (
    Booking,
    BookingLine,
    BookingStatus,
    Condition,
    Customer,
    CustomerCategory,
    CustomerKind,
    Direction,
    Membership,
    Movement,
    ReferenceSequence,
)
from inventory.models import Category, ItemType, Kit, KitLine, Tracking, Unit, UnitStatus

CUSTOMER = table_of(Customer)
MEMBERSHIP = table_of(Membership)
BOOKING = table_of(Booking)
BOOKING_LINE = table_of(BookingLine)
REFERENCE_SEQUENCE = table_of(ReferenceSequence)
MOVEMENT = table_of(Movement)

SIZES = ("small", "large")
#: Bump when the generated data changes: benchmark datasets are cached by this version.
BOOKINGS_DEMO_VERSION = 2

SMALL_MEMBERS = 140
SMALL_NON_MEMBERS = 60
SMALL_BOOKINGS = 420  # planned; a few may be skipped for shortage
LARGE_CUSTOMERS = 3_000
LARGE_MEMBER_SHARE = 0.6
LARGE_YEARS = 10
LARGE_BOOKINGS = 200_000
LARGE_LINES = 1_000_000
CHUNK = 10_000  # bookings per bulk insert (and per progress report)
PLANNING_SHARE = 0.5  # of the large build's progress
#: Large: the desk's movements are those of the bookings out now and of those back in the
#: last ``MOVEMENT_DAYS`` days (older history has its bookings, not its scans).
MOVEMENT_DAYS = 90

#: ``progress(fraction done, what)``; fraction in [0, 1].
Progress = Callable[[float, str], None]

ORGANISATION_SHARES = (
    (CustomerCategory.ASSOCIATION, 0.45),
    (CustomerCategory.COMPANY, 0.12),
    (CustomerCategory.COMMUNE, 0.15),
    (CustomerCategory.VENUE, 0.10),
    (CustomerCategory.INDIVIDUAL, 0.18),
)

L, S, V, P = Category.LIGHTING, Category.SOUND, Category.VIDEO, Category.POWER
R, ST, C, K = Category.RIGGING, Category.STAGING, Category.CABLES, Category.CONSUMABLES


@dataclass(frozen=True)
class Kind:
    """A kind of event: when it happens, how long, who books it, what it takes."""

    name: str
    weight: float
    months: tuple[float, ...]  # relative frequency, January to December
    pickup_weekday: int  # 0 = Monday
    days: tuple[int, int]  # planned length in days (pick-up to return), inclusive range
    lines: tuple[int, int]  # item lines wanted, inclusive range
    share: tuple[float, float]  # of a type's stock taken by one line
    categories: tuple[tuple[Category, float], ...]
    customers: tuple[CustomerCategory, ...]
    kits: tuple[str, ...] = ()
    lead_days: int = 45  # mean time between booking and pick-up


KINDS: tuple[Kind, ...] = (
    Kind(
        name="festival",
        weight=0.14,
        months=(0.0, 0.0, 0.1, 0.2, 0.6, 1.6, 3.0, 3.0, 0.8, 0.2, 0.0, 0.0),
        pickup_weekday=2,  # Wednesday, back the next Monday or Tuesday
        days=(5, 8),
        lines=(8, 14),
        share=(0.15, 0.5),
        categories=((S, 3), (L, 3), (R, 1.5), (ST, 1.5), (P, 1), (C, 2), (V, 0.3), (K, 0.5)),
        customers=(CustomerCategory.ASSOCIATION, CustomerCategory.COMPANY),
        kits=("KIT-PORTIQUE", "KIT-CONCERT-SM58"),
        lead_days=180,
    ),
    Kind(
        name="concert",
        weight=0.34,
        months=(0.7, 0.8, 1.0, 1.1, 1.1, 1.0, 0.8, 0.6, 1.1, 1.2, 1.1, 1.1),
        pickup_weekday=4,  # Friday → Monday
        days=(4, 4),
        lines=(3, 7),
        share=(0.05, 0.3),
        categories=((S, 3), (L, 2.5), (C, 1.5), (P, 0.7), (ST, 0.4), (K, 0.3)),
        customers=(
            CustomerCategory.ASSOCIATION,
            CustomerCategory.VENUE,
            CustomerCategory.COMPANY,
            CustomerCategory.INDIVIDUAL,
        ),
        kits=("KIT-CONCERT-SM58", "KIT-BAL"),
        lead_days=60,
    ),
    Kind(
        name="school",
        weight=0.14,
        months=(0.2, 0.3, 0.6, 0.6, 0.8, 2.5, 0.2, 0.0, 0.1, 0.3, 0.6, 2.2),
        pickup_weekday=3,  # Thursday
        days=(2, 5),
        lines=(2, 5),
        share=(0.05, 0.25),
        categories=((L, 2), (S, 2), (ST, 1.5), (V, 0.7), (C, 1)),
        customers=(CustomerCategory.ASSOCIATION, CustomerCategory.COMMUNE),
        kits=("KIT-FACE-THEATRE", "KIT-PROJECTION"),
        lead_days=60,
    ),
    Kind(
        name="fete",
        weight=0.20,
        months=(0.1, 0.1, 0.2, 0.5, 1.5, 2.2, 2.8, 2.4, 1.2, 0.3, 0.1, 0.2),
        pickup_weekday=4,  # Friday → Monday
        days=(4, 4),
        lines=(3, 6),
        share=(0.1, 0.35),
        categories=((S, 2), (L, 2), (ST, 1.2), (P, 1.2), (C, 1.5), (K, 0.4)),
        customers=(
            CustomerCategory.COMMUNE,
            CustomerCategory.ASSOCIATION,
            CustomerCategory.INDIVIDUAL,
        ),
        kits=("KIT-BAL", "KIT-CONCERT-SM58"),
        lead_days=120,
    ),
    Kind(
        name="conference",
        weight=0.11,
        months=(1.0, 1.1, 1.2, 1.1, 1.0, 1.0, 0.5, 0.1, 1.1, 1.2, 1.2, 0.9),
        pickup_weekday=1,  # Tuesday
        days=(1, 3),
        lines=(2, 4),
        share=(0.05, 0.25),
        categories=((V, 3), (S, 2), (C, 1), (ST, 0.3)),
        customers=(CustomerCategory.COMPANY, CustomerCategory.COMMUNE, CustomerCategory.VENUE),
        kits=("KIT-CONFERENCE", "KIT-PROJECTION"),
        lead_days=45,
    ),
    Kind(
        name="theatre",
        weight=0.07,
        months=(1.2, 1.2, 1.2, 1.0, 0.8, 0.4, 0.2, 0.3, 1.0, 1.2, 1.2, 1.0),
        pickup_weekday=0,  # Monday, for a run of one to three weeks
        days=(6, 20),
        lines=(4, 9),
        share=(0.1, 0.4),
        categories=((L, 3), (S, 1.5), (ST, 1.5), (R, 0.7), (P, 0.5), (C, 1), (K, 0.4)),
        customers=(CustomerCategory.ASSOCIATION, CustomerCategory.VENUE),
        kits=("KIT-FACE-THEATRE",),
        lead_days=120,
    ),
)
KIND_CUMULATIVE = list(accumulate(k.weight for k in KINDS))


@dataclass(frozen=True)
class BookingsDemoSummary:
    customers: int
    members: int  # customers with a membership covering today
    memberships: int
    bookings: int
    lines: int
    statuses: dict[str, int]
    skipped: int = 0  # generated bookings refused for shortage (small only)


# --- identifiers ------------------------------------------------------------------------


def luhn_digit(digits: str) -> str:
    """The check digit that makes ``digits + digit`` pass the Luhn test."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 0:  # doubled once the check digit is appended
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return str(-total % 10)


def make_siret(rng: random.Random) -> str:
    """A fictitious SIRET: a Luhn-valid SIREN, then an establishment number, Luhn-valid."""
    body = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    if body.startswith("3560000"):  # La Poste's SIREN follows another rule
        body = "4" + body[1:]
    siren = body + luhn_digit(body)
    nic = f"{rng.randint(1, 9):04d}"
    return siren + nic + luhn_digit(siren + nic)


def vat_of(siren: str) -> str:
    return f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"


# --- customers --------------------------------------------------------------------------


@dataclass
class _CustomerPlan:
    data: CustomerData
    member_number: str = ""
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    previous: tuple[str, dt.date, dt.date] | None = None  # an earlier, ended membership


def _customer_plans(
    rng: random.Random, today: dt.date, members: int, others: int, number_from: int
) -> list[_CustomerPlan]:
    categories = [c for c, _ in ORGANISATION_SHARES]
    cumulative = list(accumulate(w for _, w in ORGANISATION_SHARES))
    plans: list[_CustomerPlan] = []
    names: set[str] = set()
    year_start = dt.date(today.year, 1, 1)
    for index in range(members + others):
        category = categories[bisect(cumulative, rng.random() * cumulative[-1])]
        for _ in range(8):  # names are unique when the vocabulary allows
            city, postcode = rng.choice(CITIES)
            name = _customer_name(rng, category, city)
            if name not in names:
                break
        while name in names:  # a second one of the same name: distinguish it
            name = f"{name} {len(names) % 97 + 2}"
        names.add(name)
        plans.append(_CustomerPlan(_customer_data(rng, category, name, city, postcode)))
        plans[-1].data.number = str(number_from + index)
    order = list(range(len(plans)))
    rng.shuffle(order)
    for member_no, index in enumerate(sorted(order[:members]), start=1):
        plan = plans[index]
        plan.member_number = f"SOC-{member_no:04d}"
        draw = rng.random()
        joined = dt.date(today.year - rng.randint(0, 8), rng.choice((1, 1, 1, 4, 9)), 1)
        if draw < 0.1:  # leaving mid-year
            plan.valid_to = today - dt.timedelta(days=rng.randint(20, 150))
            plan.valid_from = min(joined, year_start, plan.valid_to - dt.timedelta(days=200))
        elif draw < 0.2:  # joined this year, after January
            plan.valid_from = year_start + dt.timedelta(days=rng.randint(40, 250))
            plan.valid_from = min(plan.valid_from, today)
            if rng.random() < 0.5:  # and had been a member before
                plan.previous = (
                    f"SOC-A{member_no:04d}",
                    dt.date(today.year - 4, 1, 1),
                    dt.date(today.year - 2, 12, 31),
                )
        else:
            plan.valid_from = min(joined, year_start)
            plan.valid_to = dt.date(today.year, 12, 31) if rng.random() < 0.4 else None
    return plans


def _customer_name(rng: random.Random, category: CustomerCategory, city: str) -> str:
    if category == CustomerCategory.INDIVIDUAL:
        return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    pool = {
        CustomerCategory.ASSOCIATION: ASSOCIATIONS,
        CustomerCategory.COMPANY: COMPANIES,
        CustomerCategory.COMMUNE: COMMUNES,
        CustomerCategory.VENUE: VENUES,
    }[category]
    return rng.choice(pool).format(city=city)


def _slug(text: str) -> str:
    table = str.maketrans("àâäçéèêëîïôöùûüÿœ", "aaaceeeeiioouuuyo")
    kept = "".join(ch if ch.isalnum() else "-" for ch in text.lower().translate(table))
    return "-".join(part for part in kept.split("-") if part)[:40]


def _customer_data(
    rng: random.Random, category: CustomerCategory, name: str, city: str, postcode: str
) -> CustomerData:
    person = category == CustomerCategory.INDIVIDUAL
    siret = "" if person else make_siret(rng)
    phone = f"04 65 71 {rng.randint(0, 99):02d} {rng.randint(0, 99):02d}"  # fiction range
    email = (
        f"{_slug(name).replace('-', '.')}@courriel.example"
        if person
        else f"contact@{_slug(name)}.example"
    )
    return CustomerData(
        name=name,
        kind=CustomerKind.PERSON if person else CustomerKind.ORGANISATION,
        category=category,
        email=email,
        phone=phone,
        address=f"{rng.randint(1, 60)} {rng.choice(STREETS)}",
        postcode=postcode,
        city=city,
        siren=siret[:9],
        siret=siret,
        vat_number=vat_of(siret[:9]) if category == CustomerCategory.COMPANY else "",
        notes=rng.choice(PERSON_ROLES) if person else "",
        # Communes are public buyers, invoiced through Chorus Pro to their culture service.
        public_buyer=category == CustomerCategory.COMMUNE,
        service_code="CULTURE" if category == CustomerCategory.COMMUNE else "",
    )


# --- the catalogue as the planner sees it -----------------------------------------------


@dataclass
class _Catalogue:
    ids: list[int]
    codes: list[str]
    capacity: list[int]
    #: category → (type indexes, cumulative weights): a few types are much in demand.
    by_category: dict[str, tuple[list[int], list[float]]]
    #: kit code → (kit id, [(type index, quantity)])
    kits: dict[str, tuple[int, list[tuple[int, int]]]]


def _catalogue(uow: UnitOfWork, rng: random.Random) -> _Catalogue:
    rows = list(uow.session.exec(select(id_column(ItemType), ItemType.code, ItemType.category)))
    rows.sort()
    stock = serviceable(uow)
    ids = [r[0] for r in rows]
    index = {type_id: i for i, type_id in enumerate(ids)}
    by_category: dict[str, tuple[list[int], list[float]]] = {}
    for category in Category:
        members = [i for i, r in enumerate(rows) if r[2] == category.value and stock[r[0]] > 0]
        rng.shuffle(members)
        weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(members))]
        by_category[category.value] = (members, list(accumulate(weights)))
    kits: dict[str, tuple[int, list[tuple[int, int]]]] = {}
    query = select(Kit.code, id_column(Kit), KitLine.item_type_id, KitLine.quantity).join(
        KitLine, col(KitLine.kit_id) == id_column(Kit)
    )
    for code, kit_id, type_id, qty in uow.session.exec(
        query.order_by(id_column(Kit), col(KitLine.item_type_id))
    ):
        kits.setdefault(code, (kit_id, []))[1].append((index[type_id], qty))
    return _Catalogue(ids, [r[1] for r in rows], [stock[i] for i in ids], by_category, kits)


# --- the planner ------------------------------------------------------------------------


@dataclass
class _Plan:
    kind: str
    customer: int  # index into the customer plans
    created: dt.datetime
    start: dt.datetime
    end: dt.datetime
    use_start: dt.datetime
    use_end: dt.datetime
    status: BookingStatus
    event: str
    venue: str
    notes: str
    #: (type index, quantity, kit code or "") — a kit's lines share its code
    lines: list[tuple[int, int, str]] = field(default_factory=list)
    kits: list[tuple[str, int]] = field(default_factory=list)  # (kit code, how many)


class _Planner:
    def __init__(
        self,
        rng: random.Random,
        catalogue: _Catalogue,
        customers: list[_CustomerPlan],
        now: dt.datetime,
        first_day: dt.date,
        last_day: dt.date,
    ) -> None:
        self.rng, self.cat, self.now = rng, catalogue, now
        self.first_day, self.last_day = first_day, last_day
        self.span = (last_day - first_day).days
        days = self.span + 40  # room for the longest booking past the last start
        self.occupancy = [array("H", bytes(2 * days)) for _ in catalogue.ids]
        self.by_customer_category: dict[str, tuple[list[int], list[float]]] = {}
        for category in CustomerCategory:
            members = [i for i, c in enumerate(customers) if c.data.category == category.value]
            # regulars book often; members more than others
            weights = [
                (3.0 if customers[i].member_number else 1.0) / (rank + 1) ** 0.5
                for rank, i in enumerate(members)
            ]
            self.by_customer_category[category.value] = (members, list(accumulate(weights)))
        self.cities = [c.data.city for c in customers]
        self.names = [c.data.name for c in customers]

    # -- dates
    def _dates(self, kind: Kind) -> tuple[dt.date, int] | None:
        rng = self.rng
        top = max(kind.months)
        for _ in range(50):
            day = self.first_day + dt.timedelta(days=rng.randrange(self.span))
            if rng.random() * top < kind.months[day.month - 1]:
                break
        else:
            return None
        pickup = day - dt.timedelta(days=(day.weekday() - kind.pickup_weekday) % 7)
        if pickup < self.first_day:
            return None
        return pickup, rng.randint(*kind.days)

    def plan(self) -> _Plan | None:
        rng = self.rng
        kind = KINDS[bisect(KIND_CUMULATIVE, rng.random() * KIND_CUMULATIVE[-1])]
        dates = self._dates(kind)
        if dates is None:
            return None
        pickup, length = dates
        start = dt.datetime.combine(pickup, dt.time(rng.choice((9, 10, 14, 16))))
        back = pickup + dt.timedelta(days=length - 1)
        end = dt.datetime.combine(back, dt.time(rng.choice((9, 10, 11, 17, 18))))
        if end <= start:
            end = start + dt.timedelta(hours=8)
        lead_days = min(int(rng.expovariate(1 / kind.lead_days)), 3 * kind.lead_days, 300)
        lead = dt.timedelta(days=lead_days + 1)
        created = start - lead - dt.timedelta(hours=rng.randint(0, 8))
        if created > self.now:
            return None  # not booked yet: the future thins out as it gets further away
        use_start = dt.datetime.combine(pickup + dt.timedelta(days=1), dt.time())
        use_end = dt.datetime.combine(back, dt.time())
        if not (start <= use_start < use_end <= end):
            use_start, use_end = start, end
        pool, weights = self.by_customer_category[rng.choice(kind.customers).value]
        if not pool:
            return None
        customer = pool[bisect(weights, rng.random() * weights[-1])]
        plan = _Plan(
            kind.name,
            customer,
            created,
            start,
            end,
            use_start,
            use_end,
            self._status(start, end),
            *self._event(kind, customer, start),
            notes=rng.choice(BOOKING_NOTES),
        )
        self._lines(kind, plan)
        return plan if plan.lines else None

    def _status(self, start: dt.datetime, end: dt.datetime) -> BookingStatus:
        rng, now = self.rng, self.now
        draw = rng.random()
        if end <= now:
            if draw < 0.04:
                return BookingStatus.CANCELLED
            recent = now - end < dt.timedelta(days=21)
            return BookingStatus.RETURNED if recent and draw < 0.7 else BookingStatus.CLOSED
        if start <= now:
            return BookingStatus.OUT if draw < 0.92 else BookingStatus.CONFIRMED
        if draw < 0.06:
            return BookingStatus.CANCELLED
        soon = start - now < dt.timedelta(days=21)
        return BookingStatus.QUOTE if draw < (0.12 if soon else 0.3) else BookingStatus.CONFIRMED

    def _event(self, kind: Kind, customer: int, start: dt.datetime) -> tuple[str, str]:
        rng = self.rng
        city = self.cities[customer]
        name = self.names[customer]
        if kind.name == "festival":
            event = f"{rng.choice(FESTIVALS)} {start.year}"
            venue = rng.choice(("Site du festival, ", "Parc des sports, ", "Prairie, ")) + city
        elif kind.name == "concert":
            event = f"Concert {rng.choice(BANDS)}"
            if self.rng.random() < 0.15:
                event = rng.choice(PRIVATE)
            venue = rng.choice(VENUE_PLACES).format(city=city)
        elif kind.name == "school":
            events = SCHOOL_EVENTS[2:3] if start.month in (11, 12, 1) else SCHOOL_EVENTS[::3]
            if start.month in (5, 6, 7):
                events = SCHOOL_EVENTS[:2]
            event = rng.choice(events).format(city=city)
            venue = f"Salle polyvalente de {city}"
        elif kind.name == "fete":
            event = rng.choice(FETES).format(city=city)
            venue = rng.choice(("Place de la mairie, {city}", "Halle de {city}")).format(city=city)
        elif kind.name == "conference":
            event = f"{rng.choice(CONFERENCES)} — {name}"
            venue = rng.choice(VENUE_PLACES).format(city=city)
        else:
            event = rng.choice(THEATRE)
            venue = f"Théâtre municipal de {city}"
        return event, venue

    # -- lines
    def _days(self, plan: _Plan) -> tuple[int, int]:
        """Day indexes ``[first, last + 1)`` the booking touches (buffers stay inside)."""
        return (
            (plan.start.date() - self.first_day).days,
            (plan.end.date() - self.first_day).days + 1,
        )

    def _free(self, type_index: int, s: int, e: int) -> int:
        return self.cat.capacity[type_index] - max(self.occupancy[type_index][s:e])

    def _lines(self, kind: Kind, plan: _Plan) -> None:
        rng, cat = self.rng, self.cat
        random_ = rng.random
        holds = plan.status in HOLDING
        s, e = self._days(plan)
        taken: dict[int, int] = {}

        def fits(type_index: int, qty: int) -> bool:
            return self._free(type_index, s, e) - taken.get(type_index, 0) >= qty

        if kind.kits and random_() < 0.3:
            code = rng.choice(kind.kits)
            if code in cat.kits:
                _kit_id, parts = cat.kits[code]
                count = 2 if random_() < 0.15 else 1
                if all(fits(i, q * count) for i, q in parts):
                    for i, q in parts:
                        plan.lines.append((i, q * count, code))
                        taken[i] = taken.get(i, 0) + q * count
                    plan.kits.append((code, count))
        wanted = rng.randint(*kind.lines)
        categories, cumulative = _kind_categories(kind)
        total = cumulative[-1]
        low, high = kind.share
        spread = high - low
        capacities, occupancy = cat.capacity, self.occupancy
        single: set[int] = set()
        for _ in range(wanted * 3):
            if len(single) >= wanted:
                break
            category = categories[bisect(cumulative, random_() * total)]
            pool, weights = cat.by_category[category]
            if not pool:
                continue
            i = pool[bisect(weights, random_() * weights[-1])]
            if i in single:
                continue
            capacity = capacities[i]
            # rng.uniform(low, high), drawn the same way
            qty = max(1, round(capacity * (low + spread * random_())))
            if category == CONSUMABLES:
                qty = max(1, min(qty, 6))
            if holds:
                free = capacity - max(occupancy[i][s:e]) - taken.get(i, 0)
                qty = min(qty, free)
            else:
                qty = min(qty, capacity)
            if qty <= 0:
                continue
            single.add(i)
            plan.lines.append((i, qty, ""))
            taken[i] = taken.get(i, 0) + qty
        if holds:
            for i, qty in taken.items():
                occ = occupancy[i]
                occ[s:e] = array("H", [held + qty for held in occ[s:e]])


#: The statuses whose lines hold stock (the planner tracks their occupancy).
HOLDING = frozenset(
    {BookingStatus.CONFIRMED, BookingStatus.OUT, BookingStatus.RETURNED, BookingStatus.CLOSED}
)
CONSUMABLES = Category.CONSUMABLES.value


@functools.cache
def _kind_categories(kind: Kind) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """A kind's categories (values) and their cumulative weights, for ``bisect``."""
    return (
        tuple(c.value for c, _ in kind.categories),
        tuple(accumulate(w for _, w in kind.categories)),
    )


# --- entry point ------------------------------------------------------------------------


def build_bookings_demo(
    db: Database,
    *,
    size: str = "small",
    seed: int = 1,
    clock: Clock,
    user: str,
    progress: Progress | None = None,
    customers: int | None = None,
    bookings: int | None = None,
    lines: int | None = None,
    years: int = LARGE_YEARS,
) -> BookingsDemoSummary:
    """Add the demo customers and bookings to a database holding the demo catalogue.

    ``customers``/``bookings``/``lines`` size the build (defaults: the small demo's, or
    3,000 / 200,000 / 1,000,000 for large); ``years`` of history for large. Tests build
    scaled-down ones through the same code paths.
    """
    if size not in SIZES:
        raise ValidationError(
            "size", "Unknown demo size {size!r}: choose small or large.", size=size
        )
    report = progress or (lambda _fraction, _what: None)
    rng = random.Random(seed * 7_919 + 17)
    today = clock.today()
    now = clock.local_now()
    with db.read() as uow:
        _refuse_non_empty(uow)
        catalogue = _catalogue(uow, rng)
        number_from = 1001
    if not catalogue.ids:
        raise Conflict("The catalogue is empty: build the demo catalogue before its bookings.")
    if size == "small":
        total = customers if customers is not None else SMALL_MEMBERS + SMALL_NON_MEMBERS
        members = round(total * SMALL_MEMBERS / (SMALL_MEMBERS + SMALL_NON_MEMBERS))
        plans = _customer_plans(rng, today, members, total - members, number_from)
        first = _add_months(today, -6)
        planner = _Planner(rng, catalogue, plans, now, first, _add_months(today, 6))
        booking_plans = _plan_bookings(planner, bookings or SMALL_BOOKINGS, 0)
        skipped = _write_small(db, plans, booking_plans, catalogue, clock, user, report)
    else:
        total = customers if customers is not None else LARGE_CUSTOMERS
        members = round(total * LARGE_MEMBER_SHARE)
        plans = _customer_plans(rng, today, members, total - members, number_from)
        first = _add_months(today, -12 * years + 6)
        planner = _Planner(rng, catalogue, plans, now, first, _add_months(today, 6))
        report(0.0, "planning bookings")
        booking_plans = _plan_bookings(
            planner,
            bookings if bookings is not None else LARGE_BOOKINGS,
            lines if lines is not None else LARGE_LINES,
            report,
        )

        def writing(fraction: float, what: str) -> None:
            report(PLANNING_SHARE + (1 - PLANNING_SHARE) * fraction, what)

        _write_large(db, plans, booking_plans, catalogue, clock, user, writing)
        skipped = 0
    report(1.0, "done")
    with db.read() as uow:
        return summarise(uow, today, skipped)


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, 28))


def _refuse_non_empty(uow: UnitOfWork) -> None:
    count = uow.session.exec(select(func.count()).select_from(Customer)).one()
    if count:
        raise Conflict(
            "The database already has {count} customers: the demo customers and bookings "
            "only go into a database without any.",
            count=count,
        )


def _plan_bookings(
    planner: _Planner, bookings: int, lines: int, report: Progress | None = None
) -> list[_Plan]:
    """At least ``bookings`` bookings and ``lines`` lines, in order of creation."""
    plans: list[_Plan] = []
    count = 0
    while len(plans) < bookings or count < lines:
        plan = planner.plan()
        if plan is not None:
            plans.append(plan)
            count += len(plan.lines)
            if report is not None and len(plans) % 5_000 == 0:
                done = min(len(plans) / max(bookings, 1), count / max(lines, 1))
                report(PLANNING_SHARE * done, "planning bookings")
    plans.sort(key=lambda p: (p.created, p.start))
    return plans


def summarise(uow: UnitOfWork, today: dt.date, skipped: int = 0) -> BookingsDemoSummary:
    def count(model: type, *where: ColumnElement[bool] | bool) -> int:
        return int(uow.session.exec(select(func.count()).select_from(model).where(*where)).one())

    member_query = select(func.count(func.distinct(Membership.customer_id))).where(
        Membership.valid_from <= today,
        col(Membership.valid_to).is_(None) | (col(Membership.valid_to) >= today),
    )
    statuses = dict(
        uow.session.exec(
            select(Booking.status, func.count()).group_by(Booking.status).order_by(Booking.status)
        ).all()
    )
    return BookingsDemoSummary(
        customers=count(Customer),
        members=int(uow.session.exec(member_query).one()),
        memberships=count(Membership),
        bookings=count(Booking),
        lines=count(BookingLine),
        statuses={str(k): int(v) for k, v in statuses.items()},
        skipped=skipped,
    )


# --- small: through the services --------------------------------------------------------

#: The transitions that take a confirmed booking to each status.
PATH: dict[BookingStatus, tuple[BookingStatus, ...]] = {
    BookingStatus.CONFIRMED: (),
    BookingStatus.OUT: (BookingStatus.OUT,),
    BookingStatus.RETURNED: (BookingStatus.OUT, BookingStatus.RETURNED),
    BookingStatus.CLOSED: (BookingStatus.OUT, BookingStatus.RETURNED, BookingStatus.CLOSED),
}


def _write_small(
    db: Database,
    customers: list[_CustomerPlan],
    plans: list[_Plan],
    catalogue: _Catalogue,
    clock: Clock,
    user: str,
    report: Progress,
) -> int:
    with db.write() as uow:
        for person in customers:
            customer = customer_service.save_customer(uow, user=user, data=person.data)
            assert customer.id is not None
            if person.previous:
                number, start, end = person.previous
                customer_service.add_membership(
                    uow,
                    user=user,
                    customer_id=customer.id,
                    member_number=number,
                    valid_from=start,
                    valid_to=end,
                )
            if person.member_number:
                assert person.valid_from is not None
                customer_service.add_membership(
                    uow,
                    user=user,
                    customer_id=customer.id,
                    member_number=person.member_number,
                    valid_from=person.valid_from,
                    valid_to=person.valid_to,
                )
    report(0.1, "customers")
    skipped = 0
    for n, plan in enumerate(plans):
        try:
            with db.write() as uow:
                _book_small(uow, plan, customers, catalogue, clock, user)
        except ShortageError:
            skipped += 1
        if n % 50 == 0:
            report(0.1 + 0.9 * n / len(plans), "bookings")
    return skipped


def _book_small(
    uow: UnitOfWork,
    plan: _Plan,
    customers: list[_CustomerPlan],
    catalogue: _Catalogue,
    clock: Clock,
    user: str,
) -> None:
    lines = [Line(code, count) for code, count in plan.kits]
    lines += [Line(catalogue.codes[i], qty) for i, qty, kit in plan.lines if not kit]
    data = BookingData(
        customer=customers[plan.customer].data.number,
        start=plan.start,
        end=plan.end,
        use_start=plan.use_start,
        use_end=plan.use_end,
        event=plan.event,
        venue=plan.venue,
        notes=plan.notes,
        lines=lines,
    )
    # booked at its creation date: created_at and the reference's year follow it
    at = FixedClock(plan.created.replace(tzinfo=clock.tz), tz=clock.tz)
    cancelled = plan.status == BookingStatus.CANCELLED
    confirm = plan.status != BookingStatus.QUOTE and not (cancelled and plan.customer % 2)
    booking = booking_service.create_booking(uow, user=user, data=data, clock=at, confirm=confirm)
    steps = (BookingStatus.CANCELLED,) if cancelled else PATH.get(plan.status, ())
    for status in steps:
        booking_service.change_status(
            uow, user=user, reference=booking.reference, status=status, clock=clock
        )


# --- large: bulk inserts ----------------------------------------------------------------


def _write_large(
    db: Database,
    customers: list[_CustomerPlan],
    plans: list[_Plan],
    catalogue: _Catalogue,
    clock: Clock,
    user: str,
    report: Progress,
) -> None:
    """Customers, memberships, bookings and lines with ids given here, by
    ``bulk.insert_rows`` with the tables' indexes built once at the end."""
    with db.write() as uow:
        conn = uow.session.connection()
        first_customer = _next_id(conn, "customer")
        first_membership = _next_id(conn, "membership")
        first_booking = _next_id(conn, "booking")
        first_line = _next_id(conn, "booking_line")
        rows, memberships = [], []
        for offset, person in enumerate(customers):
            customer_id = first_customer + offset
            row: dict[str, Any] = {
                key: getattr(person.data, key)
                for key in (
                    "number",
                    "name",
                    "email",
                    "phone",
                    "address",
                    "postcode",
                    "city",
                    "country",
                    "siren",
                    "siret",
                    "vat_number",
                    "notes",
                    "public_buyer",
                    "service_code",
                )
            }
            row.update(
                id=customer_id, kind=person.data.kind.value, category=person.data.category.value
            )
            rows.append(row)
            if person.previous:
                number, start, end = person.previous
                memberships.append(_membership(customer_id, number, start, end))
            if person.member_number:
                memberships.append(
                    _membership(
                        customer_id, person.member_number, person.valid_from, person.valid_to
                    )
                )
        for offset, membership in enumerate(memberships):
            membership["id"] = first_membership + offset
        tables = (CUSTOMER, MEMBERSHIP, BOOKING, BOOKING_LINE, MOVEMENT)
        with bulk.bulk_session(conn), bulk.indexes_deferred(conn, [t.name for t in tables]):
            bulk.insert_rows(conn, CUSTOMER, rows)
            bulk.insert_rows(conn, MEMBERSHIP, memberships)
            sequences: dict[int, int] = {}
            kit_ids = {code: kit_id for code, (kit_id, _parts) in catalogue.kits.items()}
            line_id = first_line
            for chunk_start in range(0, len(plans), CHUNK):
                booking_rows, line_rows = [], []
                for offset, plan in enumerate(
                    plans[chunk_start : chunk_start + CHUNK], start=chunk_start
                ):
                    booking_id = first_booking + offset
                    year = plan.created.year
                    sequences[year] = serial = sequences.get(year, 0) + 1
                    status = plan.status.value
                    booking_rows.append(
                        {
                            "id": booking_id,
                            "reference": f"R-{year}-{serial:04d}",
                            "customer_id": first_customer + plan.customer,
                            "event": plan.event,
                            "venue": plan.venue,
                            "start": plan.start,
                            "end": plan.end,
                            "use_start": plan.use_start,
                            "use_end": plan.use_end,
                            "status": status,
                            "notes": plan.notes,
                            "created_at": _utc(plan.created, clock),
                            "created_by": user,
                        }
                    )
                    for i, qty, kit in plan.lines:
                        line_rows.append(
                            {
                                "id": line_id,
                                "booking_id": booking_id,
                                "item_type_id": catalogue.ids[i],
                                "quantity": qty,
                                "kit_id": kit_ids[kit] if kit else None,
                                "start": plan.start,  # the lines mirror their booking
                                "end": plan.end,
                                "status": status,
                            }
                        )
                        line_id += 1
                bulk.insert_rows(conn, BOOKING, booking_rows)
                bulk.insert_rows(conn, BOOKING_LINE, line_rows)
                report(0.9 * min(len(plans), chunk_start + CHUNK) / len(plans), "bookings")
            since = clock.local_now().replace(tzinfo=None) - dt.timedelta(days=MOVEMENT_DAYS)
            moves = _movement_rows(conn, plans, first_booking, catalogue, clock, user, since)
            bulk.insert_rows(conn, MOVEMENT, moves)
            bulk.insert_rows(
                conn,
                REFERENCE_SEQUENCE,
                [
                    {"year": year, "next_value": last + 1}
                    for year, last in sorted(sequences.items())
                ],
            )
            report(0.9, "indexes")
        bulk.follow_ids(conn, [t.name for t in tables])


def _movement_rows(
    conn: Connection,
    plans: list[_Plan],
    first_booking: int,
    catalogue: _Catalogue,
    clock: Clock,
    user: str,
    since: dt.datetime,
) -> list[dict[str, Any]]:
    """The desk's scans of the bookings out now and of those back since ``since``, as the
    desk writes them: a serialized type's units one by one (units in service, each taken
    when it is back from its previous booking), a bulk type's quantity in one scan; out at
    the pick-up, back before the planned return (no late piece, nothing missing);
    consumables do not come back (sold, as the invoices count them). Ids follow the
    scans' times, as at the desk."""
    tracking = {
        int(type_id): (str(kind), str(code or ""), category == CONSUMABLES)
        for type_id, kind, code, category in conn.exec_driver_sql(
            "SELECT id, tracking, barcode, category FROM item_type"
        )
    }
    free: dict[int, list[tuple[dt.datetime, int, str]]] = {}
    for unit_id, type_id, barcode in conn.execute(
        select(id_column(Unit), Unit.item_type_id, Unit.barcode)
        .where(Unit.status == UnitStatus.IN_SERVICE.value)
        .order_by(id_column(Unit))
    ):
        free.setdefault(int(type_id), []).append((dt.datetime.min, int(unit_id), str(barcode)))
    moving = (BookingStatus.OUT, BookingStatus.RETURNED, BookingStatus.CLOSED)
    chosen = sorted(
        (i for i, p in enumerate(plans) if p.status in moving and p.end >= since),
        key=lambda i: (plans[i].start, i),
    )
    never = dt.datetime.max
    scans: list[tuple[dt.datetime, int, dict[str, Any]]] = []

    def scan(
        booking_id: int,
        type_id: int,
        direction: str,
        at: tuple[dt.datetime, dt.datetime],
        unit: int | None,
        code: str,
        n: int,
    ) -> None:
        local, utc = at
        row = {
            "booking_id": booking_id,
            "direction": direction,
            "item_type_id": type_id,
            "unit_id": unit,
            "quantity": n,
            "condition": Condition.OK.value,
            "note": "",
            "code": code,
            "at": utc,
            "user": user,
            "station": "",
            "undoes": None,
        }
        scans.append((local, len(scans), row))

    for index in chosen:
        plan, booking_id = plans[index], first_booking + index
        out_local = plan.start + dt.timedelta(minutes=booking_id * 37 % 45)
        back = plan.status != BookingStatus.OUT
        in_local = max(plan.end - dt.timedelta(minutes=30 + booking_id * 53 % 150), out_local)
        out_at = (out_local, _utc(out_local, clock))
        in_at = (in_local, _utc(in_local, clock))
        for type_index, qty, _kit in plan.lines:
            type_id = catalogue.ids[type_index]
            kind, type_code, consumable = tracking[type_id]

            if kind == Tracking.BULK.value:
                scan(booking_id, type_id, Direction.OUT.value, out_at, None, type_code, qty)
                if back and not consumable:
                    scan(booking_id, type_id, Direction.IN.value, in_at, None, type_code, qty)
                continue
            pool = free.get(type_id, [])
            taken: list[tuple[dt.datetime, int, str]] = []
            while pool and len(taken) < qty and pool[0][0] <= plan.start:
                taken.append(heapq.heappop(pool))
            for _busy, unit_id, barcode in taken:
                scan(booking_id, type_id, Direction.OUT.value, out_at, unit_id, barcode, 1)
                if back:
                    scan(booking_id, type_id, Direction.IN.value, in_at, unit_id, barcode, 1)
                heapq.heappush(pool, (plan.end if back else never, unit_id, barcode))
    scans.sort(key=lambda scan: (scan[0], scan[1]))
    first = _next_id(conn, MOVEMENT.name)
    return [{"id": first + n, **row} for n, (_at, _order, row) in enumerate(scans)]


def _next_id(conn: Connection, table: str) -> int:
    """The first id free in ``table`` (ids given here, in order)."""
    return int(conn.exec_driver_sql(f'SELECT max(id) FROM "{table}"').scalar() or 0) + 1


def _utc(local: dt.datetime, clock: Clock) -> dt.datetime:
    """A local naive date-time as the services record ``clock.now()``: in UTC."""
    return local.replace(tzinfo=clock.tz).astimezone(dt.UTC)


def _membership(
    customer_id: int, number: str, start: dt.date | None, end: dt.date | None
) -> dict[str, Any]:
    return {
        "customer_id": customer_id,
        "member_number": number,
        "valid_from": start,
        "valid_to": end,
    }
