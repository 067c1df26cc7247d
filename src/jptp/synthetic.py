"""Synthetic news coverage of regional top posts, with the true history kept beside it.

    python -m jptp.synthetic --governments 50 --years 10 --seed 1 --out /tmp/synth

writes three folders:

    raw/        sources.csv and records.csv in exactly the hand-coding format of data/raw/
    reference/  the reference tables those records need (governments, posts, aliases, ...)
    truth/      what really happened: every status spell, move and vacancy-chain link

The world follows a simple vacancy-chain model. Each government has ~35 top posts, all filled at
the start. A definitive holder leaves the system after an exponential tenure (retirement, promotion
out, reorganisation). The post then waits under an acting official (a Plt, a Pj for the Sekda: a
serving top official who keeps their own post; sometimes nobody) for a random spell, unless it is
filled the same day. It is filled by open selection (usually an outsider), by promotion from below,
or by rotating a serving top official in, which opens a vacancy in that official's post: a chain.

Only some of it reaches the news. Each appointment or designation is reported with probability
`p_event`; each post's status is reported in a given month with probability `p_month`. Reported
items of one government in one month make one article (a roundup, published on the day of its
latest fact; each fact keeps its own date, and is left undated only when that is the publication
day). The raw strings vary as real articles do: date forms ('Senin (24/11)', 'Kamis (2/9/2021)', 'Senin (9-3-2026)', 'Senin 27 Oktober 2025'),
government and post spellings, acronyms, typos the reference tables fix, acting markers inside
or outside the post, names with and without titles ('Drs.', ', M.M.') and abbreviations ('Moh.').

Simplifications, so that the comparison with the truth tests the pipeline and not the coder: each
event is reported by at most one article, names are unique (no namesakes), nobody returns to the
top posts after leaving them, and every date is printed to the day.
The same seed gives byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import heapq
import json
import random
import sys
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

from .dates import WEEKDAY_NAMES
from .paths import REFERENCE
from .records import RECORD_COLUMNS, SOURCE_COLUMNS
from .text import slug

MONTH_NAMES = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]


@dataclass(frozen=True)
class Config:
    """Knobs of the simulated world and of its news coverage."""

    governments: int = 20
    years: int = 10
    seed: int = 1
    start_year: int = 2015
    p_event: float = 0.6  # chance that an appointment or a Plt designation is reported
    p_month: float = 0.15  # chance that a post's status is reported in a given month
    mean_tenure_years: float = 5.0  # until a definitive holder leaves the top posts
    p_same_day: float = 0.2  # a vacancy filled the day it opens (a mass rotation), no acting spell
    p_acting_official: float = 0.85  # a Plt/Pj is designated; otherwise the post is reported plainly empty
    mean_wait_days: float = 200.0  # mean acting spell, gamma-distributed
    p_open_selection: float = 0.45
    p_rotation: float = 0.4  # the rest: promotion from below
    p_insider_wins_selection: float = 0.2  # an open selection won by a serving top official: it moves, a chain
    max_records: int | None = None  # stop after this many raw records (for benchmarks)


# --- the posts of one government -------------------------------------------------------------

@dataclass(frozen=True)
class PostKind:
    slug: str
    unit: str  # the unit's name, as its head's post is written without 'Kepala'
    acronym: str
    unit_type: str
    kadis: str = ""  # 'Kadinkes': head-of-unit acronym, where articles use one
    number: str = ""  # Asisten numbering
    head_prefix: str = "Kepala "  # how the head is written before the unit


def _dinas(slug_, unit, acronym, kadis="", unit_type="dinas"):
    return PostKind(slug_, unit, acronym, unit_type, kadis)


POST_KINDS: list[PostKind] = [
    PostKind("sekda", "Sekretaris Daerah", "Sekda", "sekretariat", head_prefix=""),
    PostKind("asisten-pemerintahan-kesra", "Asisten Pemerintahan dan Kesejahteraan Rakyat", "", "asisten", number="I", head_prefix=""),
    PostKind("asisten-perekonomian-pembangunan", "Asisten Perekonomian dan Pembangunan", "", "asisten", number="II", head_prefix=""),
    PostKind("asisten-administrasi-umum", "Asisten Administrasi Umum", "", "asisten", number="III", head_prefix=""),
    PostKind("staf-ahli-pemerintahan-hukum-politik", "Staf Ahli Bidang Pemerintahan, Hukum dan Politik", "", "staf_ahli", head_prefix=""),
    PostKind("staf-ahli-ekonomi-keuangan-pembangunan", "Staf Ahli Bidang Ekonomi, Keuangan dan Pembangunan", "", "staf_ahli", head_prefix=""),
    PostKind("staf-ahli-kemasyarakatan-sdm", "Staf Ahli Bidang Kemasyarakatan dan Sumber Daya Manusia", "", "staf_ahli", head_prefix=""),
    _dinas("disdikbud", "Dinas Pendidikan dan Kebudayaan", "Disdikbud", "Kadisdikbud"),
    _dinas("dinkes", "Dinas Kesehatan", "Dinkes", "Kadinkes"),
    _dinas("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR"),
    _dinas("disperkim", "Dinas Perumahan dan Kawasan Permukiman", "Disperkim", "Kadisperkim"),
    _dinas("dinsos", "Dinas Sosial", "Dinsos", "Kadinsos"),
    _dinas("disnaker", "Dinas Tenaga Kerja", "Disnaker", "Kadisnaker"),
    _dinas("dp3a", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A"),
    _dinas("dlh", "Dinas Lingkungan Hidup", "DLH"),
    _dinas("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "Kadisdukcapil"),
    _dinas("dishub", "Dinas Perhubungan", "Dishub", "Kadishub"),
    _dinas("diskominfo", "Dinas Komunikasi dan Informatika", "Diskominfo", "Kadiskominfo"),
    _dinas("diskopukm", "Dinas Koperasi dan Usaha Mikro", "Diskopukm"),
    _dinas("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP"),
    _dinas("dispora", "Dinas Kepemudaan dan Olahraga", "Dispora", "Kadispora"),
    _dinas("dispar", "Dinas Pariwisata", "Dispar", "Kadispar"),
    _dinas("dispusip", "Dinas Perpustakaan dan Kearsipan", "Dispusip"),
    _dinas("dkp", "Dinas Ketahanan Pangan", "DKP"),
    _dinas("distan", "Dinas Pertanian", "Distan", "Kadistan"),
    _dinas("disperindag", "Dinas Perindustrian dan Perdagangan", "Disperindag", "Kadisperindag"),
    _dinas("dppkb", "Dinas Pengendalian Penduduk dan Keluarga Berencana", "DPPKB"),
    _dinas("dpmd", "Dinas Pemberdayaan Masyarakat dan Desa", "DPMD"),
    _dinas("satpol-pp", "Satuan Polisi Pamong Praja", "Satpol PP", unit_type="badan"),
    _dinas("bappeda", "Badan Perencanaan Pembangunan Daerah", "Bappeda", unit_type="badan"),
    _dinas("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", unit_type="badan"),
    _dinas("bapenda", "Badan Pendapatan Daerah", "Bapenda", unit_type="badan"),
    _dinas("bkpsdm", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", unit_type="badan"),
    _dinas("bpbd", "Badan Penanggulangan Bencana Daerah", "BPBD", unit_type="badan"),
    _dinas("kesbangpol", "Badan Kesatuan Bangsa dan Politik", "Kesbangpol", unit_type="badan"),
    PostKind("inspektorat", "Inspektorat", "Inspektur", "badan", head_prefix="Kepala "),
]
SEKDA = 0


def post_aliases(kind: PostKind) -> list[str]:
    """The bare forms listed in post_aliases.csv (no government, no 'Kepala', no status)."""
    aliases = [kind.unit]
    if kind.acronym:
        aliases.append(kind.acronym)
    if kind.kadis:
        aliases.append(kind.kadis)
    if kind.number:
        aliases += [f"Asisten {kind.number}", f"Asisten {kind.number} {kind.unit.removeprefix('Asisten ')}"]
    return aliases


def post_forms(kind: PostKind, government_name: str) -> list[str]:
    """Ways an article writes the post (a typo the spelling table fixes included)."""
    head = kind.head_prefix
    forms = [f"{head}{kind.unit}", f"{head}{kind.unit} {government_name}"]
    if kind.acronym and kind.slug != "inspektorat":
        forms += [f"{head}{kind.unit} ({kind.acronym})", f"{head}{kind.unit} ({kind.acronym}) {government_name}", f"{head}{kind.acronym}"]
    if kind.kadis:
        forms.append(kind.kadis)
    if kind.unit_type == "dinas":
        forms.append("Kadis " + kind.unit.removeprefix("Dinas "))  # 'kadis' -> 'kepala dinas' (spelling_fixes.csv)
    if kind.slug == "sekda":
        forms += ["Sekertaris Daerah (Sekda) " + government_name, "Sekda " + government_name]
    if kind.slug == "disperkim":
        forms.append("Kepala Dinas Perumahan dan Kawasan Pemukiman")  # 'pemukiman' -> 'permukiman'
    if kind.number:
        forms += [f"Asisten {kind.number}", f"Asisten {kind.number} {kind.unit.removeprefix('Asisten ')} Sekretariat Daerah {government_name}"]
    if kind.slug == "inspektorat":
        forms += ["Inspektur", f"Inspektur {government_name}"]
    return forms


# --- names -------------------------------------------------------------------------------------

PLACE_HEADS = [
    "Suka", "Tanjung", "Karang", "Sumber", "Muara", "Batu", "Sungai", "Tanah", "Bukit", "Pasir", "Padang", "Teluk", "Rawa",
    "Lubuk", "Kuala", "Labuhan", "Gunung", "Banjar", "Kali", "Way", "Lembah", "Pematang", "Talang", "Tebing", "Ujung",
    "Kota", "Sido", "Mojo", "Wono", "Purwo",
]
PLACE_TAILS = [
    "maju", "jaya", "sari", "raya", "baru", "indah", "makmur", "rejo", "mulya", "asri", "agung", "harapan", "damai", "lestari",
    "wangi", "kencana", "permai", "sentosa", "bening", "tirta", "gading", "kerto", "arum", "kencono", "rahayu", "sejati",
    "waringin", "kulon", "wetan", "pura",
]
PLACE_SUFFIXES = ["", " Utara", " Selatan", " Barat", " Timur", " Tengah", " Hilir", " Hulu", " Raya", " Kepulauan"]

GIVEN = [
    "Agus", "Ahmad", "Moh.", "Muhammad", "Mochamad", "Budi", "Dedi", "Eko", "Hadi", "Hendra", "Iwan", "Joko", "Kusnadi",
    "Lukman", "Made", "Nur", "Rahmat", "Rudi", "Slamet", "Sri", "Suparman", "Taufik", "Wahyu", "Yusuf", "Zainal", "Andi",
    "Bambang", "Dewi", "Endang", "Fitri", "Gunawan", "Hartono", "Indah", "Kartika", "Lina", "Mulyadi", "Novi", "Puji",
    "Ratna", "Siti", "Teguh", "Umar", "Wawan", "Yanti", "Rina", "Arif", "Bayu", "Cahya", "Dian", "Erwin", "Faisal",
    "Gatot", "Heru", "Irwan", "Jamal", "Komang", "Lilik", "Mahmud", "Nanang", "Oki", "Pratiwi", "Rizal", "Sigit", "Tri",
    "Wayan", "Yudi", "Asep", "Dadang", "Ujang", "Eka", "Dwi", "Ketut", "Nyoman", "Putu", "Hj. Nani", "Abdul", "Ikhsan",
    "Fajar", "Rosa", "Anis",
]
MIDDLE = [
    "Adi", "Ali", "Amin", "Budi", "Dharma", "Eka", "Fauzi", "Hadi", "Hidayat", "Imam", "Jaya", "Kurnia", "Luthfi", "Mulya",
    "Nugroho", "Prasetyo", "Rahman", "Santoso", "Setiawan", "Suryadi", "Tri", "Utomo", "Wibowo", "Yulianto", "Zulkifli",
    "Ari", "Bakti", "Cipta", "Darma", "Edi", "Fajar", "Gilang", "Harsono", "Indra", "Joko", "Kusuma", "Laksana", "Mahendra",
    "Nur", "Pamungkas", "Rizki", "Saputra", "Tirta", "Wijaya", "Yoga", "Agung", "Bintang", "Catur", "Dwi", "Erlangga",
    "Firman", "Guntur", "Haryo", "Ilham", "Jati", "Kresna", "Lintang", "Mukti", "Nanda", "Panji", "Rama", "Satria", "Teguh",
    "Wahyu", "Yudha", "Arya", "Banyu", "Candra", "Dimas", "Eko", "Feri", "Galih", "Hanif", "Irfan", "Januar", "Krisna",
    "Lukas", "Maulana", "Nizar", "Okta",
]
FAMILY = [
    "Kuncoro", "Septiara", "Utomo", "Hartoyo", "Yasak", "Widjajati", "Prasetyo", "Reswandi", "Santoso", "Susanto", "Wibisono",
    "Hidayat", "Saputra", "Siregar", "Nasution", "Lubis", "Harahap", "Simanjuntak", "Pohan", "Tanjung", "Sinaga", "Manurung",
    "Pangaribuan", "Hasibuan", "Daulay", "Rangkuti", "Batubara", "Matondang", "Ritonga", "Dalimunthe", "Sitompul", "Wijaya",
    "Kusumawati", "Rahayu", "Lestari", "Purnomo", "Sudarsono", "Suharto", "Sutrisno", "Wahyudi", "Irawan", "Kurniawan",
    "Setiadi", "Firmansyah", "Hermawan", "Gunadi", "Sumarno", "Sugiarto", "Haryanto", "Supriyadi", "Mulyono", "Suryono",
    "Widodo", "Suprapto", "Handoko", "Sasmito", "Wiryawan", "Pranoto", "Atmaja", "Kartono", "Sasongko", "Wicaksono",
    "Nugraha", "Permana", "Sukmana", "Hakim", "Syahputra", "Maulida", "Anggraini", "Fitriani", "Ramadhan", "Hutapea",
    "Panjaitan", "Sihombing", "Situmorang", "Napitupulu", "Marpaung", "Tambunan", "Silalahi", "Sembiring", "Ginting",
    "Tarigan", "Karo", "Sitepu", "Barus", "Bangun", "Perangin", "Pandia", "Purba", "Saragih", "Damanik", "Sipayung",
    "Girsang", "Munthe", "Rumahorbo", "Sianturi", "Samosir", "Simbolon", "Naibaho", "Sitanggang", "Malau", "Gultom",
    "Sagala", "Limbong", "Sinurat", "Aritonang", "Pardede", "Sirait", "Butarbutar", "Manik", "Ambarita", "Gurning",
    "Nainggolan", "Pasaribu", "Tampubolon", "Hutagalung", "Lumbantobing", "Hutabarat", "Simatupang", "Sinambela",
    "Sibarani", "Pakpahan", "Hutauruk", "Manullang", "Simamora", "Purnama", "Astuti", "Puspita", "Handayani", "Yuliana",
]
PREFIX_TITLES = ["Drs.", "Dr.", "Ir.", "H.", "Dra.", "Drs. H.", "Dr. Ir."]
SUFFIX_TITLES = [", M.M.", ", M.Si.", ", S.Pd., M.Pd.", ", S.H., M.H.", ", S.E., M.Ak.", ", S.STP., M.Si.", ", S.T., M.T.", ", S.Sos., M.AP."]


def person_name(index: int) -> str:
    """The index-th name of a fixed permutation of GIVEN x MIDDLE x FAMILY: unique while index < the product."""
    size = len(GIVEN) * len(MIDDLE) * len(FAMILY)
    if index >= size:
        raise ValueError(f"more than {size} people; add names to jptp.synthetic")
    k = (index * 7_919 + 104_729) % size  # 7919 is prime and does not divide size: a bijection
    given, rest = divmod(k, len(MIDDLE) * len(FAMILY))
    middle, family = divmod(rest, len(FAMILY))
    return f"{GIVEN[given].removeprefix('Hj. ')} {MIDDLE[middle]} {FAMILY[family]}"


def government_name(index: int) -> tuple[str, str]:
    """(kind, name) of the index-th government: names are unique, kinds alternate irregularly."""
    per_suffix = len(PLACE_HEADS) * len(PLACE_TAILS)
    suffix, rest = divmod(index, per_suffix)
    if suffix >= len(PLACE_SUFFIXES):
        raise ValueError(f"more than {per_suffix * len(PLACE_SUFFIXES)} governments; add place names to jptp.synthetic")
    k = (rest * 7 + 3) % per_suffix  # 7 does not divide 900: a bijection that mixes heads and tails
    head, tail = divmod(k, len(PLACE_TAILS))
    kind = "kota" if (index * 2_654_435_761 >> 7) % 5 == 0 else "kabupaten"
    return kind, PLACE_HEADS[head] + PLACE_TAILS[tail] + PLACE_SUFFIXES[suffix]


def government_forms(kind: str, name: str) -> list[str]:
    short = {"kota": "Pemkot", "kabupaten": "Pemkab"}[kind]
    long = {"kota": "Kota", "kabupaten": "Kabupaten"}[kind]
    return [f"{long} {name}", f"{short} {name}", f"Pemerintah {long} {name}", f"Pemerintah {long} ({short}) {name}", name]


# --- the true history --------------------------------------------------------------------------

@dataclass
class Spell:
    post: int
    status: str  # definitive, plt, pj, vacant
    person: int | None
    start: int  # day number from the start date; the status holds from this day
    end: int | None = None  # the next status holds from this day; None: still running at the end


@dataclass
class Move:
    move: int
    person: int
    from_post: int | None  # a top post of the same government, or None (from below or outside)
    to_post: int
    day: int
    method: str  # open_selection, rotation, promotion
    vacated_by: int | None  # the move that opened this vacancy (a chain link), if a move did


class World:
    """One government's posts over the simulated years: an event queue of departures and fills."""

    def __init__(self, cfg: Config, rng: random.Random, new_person, days: int):
        self.cfg, self.rng, self.new_person, self.days = cfg, rng, new_person, days
        self.n = len(POST_KINDS)
        self.spells: list[list[Spell]] = [[] for _ in range(self.n)]
        self.moves: list[Move] = []
        self.holder: list[int | None] = [None] * self.n
        self.acting_roles: dict[int, set[int]] = {}  # person -> posts they act in
        self.vacated_by: list[int | None] = [None] * self.n
        self.queue: list[tuple[int, int, str, int, int]] = []
        self.seq = 0
        for post in range(self.n):
            person = new_person()
            self.holder[post] = person
            self.spells[post].append(Spell(post, "definitive", person, 0))
            self._schedule_exit(person, post, 0)

    def _push(self, day: int, kind: str, post: int, person: int) -> None:
        self.seq += 1
        heapq.heappush(self.queue, (day, self.seq, kind, post, person))

    def _workday(self, day: int) -> int:
        weekday = (self.start_weekday + day) % 7
        return day + (7 - weekday if weekday >= 5 else 0)

    def _schedule_exit(self, person: int, post: int, day: int) -> None:
        tenure = self.rng.expovariate(1 / (self.cfg.mean_tenure_years * 365.25))
        self._push(day + max(1, int(tenure)), "exit", post, person)

    def _set_status(self, post: int, day: int, status: str, person: int | None) -> None:
        current = self.spells[post][-1]
        if current.start == day and current.status != "definitive" and status != "definitive":
            current.status, current.person = status, person  # replaced the same day: keep one spell
            return
        if current.start == day and len(self.spells[post]) > 1:
            # an acting official handed the post on the very day it is filled: no day under them, so no
            # spell (the news could not order a designation and an inauguration of the same day)
            self.spells[post].pop()
            current = self.spells[post][-1]
        current.end = day
        self.spells[post].append(Spell(post, status, person, day))

    def _acting_candidate(self, post: int) -> int | None:
        busy = {p for p, roles in self.acting_roles.items() if roles}
        pool = [h for i, h in enumerate(self.holder) if h is not None and i != post and h not in busy]
        return self.rng.choice(pool) if pool else None

    def _open_vacancy(self, post: int, day: int, vacated_by: int | None) -> None:
        self.holder[post] = None
        self.vacated_by[post] = vacated_by
        if self.rng.random() < self.cfg.p_same_day:
            self._fill(post, day)
            return
        acting = self._acting_candidate(post) if self.rng.random() < self.cfg.p_acting_official else None
        if acting is None:
            self._set_status(post, day, "vacant", None)
        else:
            self._set_status(post, day, "pj" if post == SEKDA else "plt", acting)
            self.acting_roles.setdefault(acting, set()).add(post)
        wait = self.rng.gammavariate(2.0, self.cfg.mean_wait_days / 2.0)
        self._push(self._workday(day + max(1, int(wait))), "fill", post, -1)

    def _fill(self, post: int, day: int) -> None:
        current = self.spells[post][-1]
        if current.person is not None and current.status != "definitive":
            self.acting_roles[current.person].discard(post)
        r = self.rng.random()
        serving = [  # serving top officials, except one who took their post today (no zero-day spells)
            (i, h) for i, h in enumerate(self.holder) if h is not None and i != post and self.spells[i][-1].start != day
        ]
        if r < self.cfg.p_open_selection:
            method = "open_selection"
            insider = serving and self.rng.random() < self.cfg.p_insider_wins_selection
        elif r < self.cfg.p_open_selection + self.cfg.p_rotation and serving:
            method, insider = "rotation", True
        else:
            method, insider = "promotion", False
        if insider:
            from_post, person = self.rng.choice(serving)
        else:
            from_post, person = None, self.new_person()
        move = Move(len(self.moves), person, from_post, post, day, method, self.vacated_by[post])
        self.moves.append(move)
        self.vacated_by[post] = None
        self.holder[post] = person
        self._set_status(post, day, "definitive", person)
        self._schedule_exit(person, post, day)
        if from_post is not None:
            self._open_vacancy(from_post, day, move.move)

    def _exit(self, post: int, person: int, day: int) -> None:
        if self.holder[post] != person:
            return  # moved on before retiring from this post
        for acted in sorted(self.acting_roles.pop(person, set())):
            successor = self._acting_candidate(acted)
            if successor is None or successor == person:
                self._set_status(acted, day, "vacant", None)
            else:
                self._set_status(acted, day, self.spells[acted][-1].status, successor)
                self.acting_roles.setdefault(successor, set()).add(acted)
        self._open_vacancy(post, day, None)

    def run(self, start_weekday: int) -> None:
        self.start_weekday = start_weekday
        while self.queue:
            day, _, kind, post, person = heapq.heappop(self.queue)
            if day >= self.days:
                break
            if kind == "exit":
                self._exit(post, person, day)
            elif self.holder[post] is None:
                self._fill(post, day)


# --- what the news reports ---------------------------------------------------------------------

@dataclass
class Item:
    """One coded fact, before it is put into an article."""

    day: int
    event: str
    post: int | None = None
    person: int | None = None
    status: str | None = None
    relation: str = ""
    method: str | None = None
    previous_post: int | None = None
    stage: str | None = None
    move: int | None = None  # the true move an inauguration reports


METHOD_WORDS = {
    "open_selection": ["Seleksi Terbuka (Selter)", "selter JPTP", "lelang jabatan", "open bidding", "seleksi terbuka", "Selter JPTP"],
    "rotation": ["rotasi", "mutasi", "mutasi atau rotasi"],
    "promotion": ["promosi", "mutasi"],
}
ANNOUNCE_WORDS = ["seleksi terbuka", "lelang jabatan", "Seleksi Terbuka (Selter)", "open bidding", "lelang terbuka"]
STAGE_WORDS = ["pengumuman", "pendaftaran", "seleksi administrasi", "asesmen kompetensi", "penulisan makalah", "wawancara"]
ACTING_WORDS = {"plt": ["Plt", "Pelaksana Tugas (Plt)", "Pelaksana Tugas"], "pj": ["Pj", "Penjabat", "Penjabat (Pj)"]}
ACTING_PREFIX = {"plt": ["Plt ", "Plt. ", "Pelaksana Tugas (Plt) "], "pj": ["Pj ", "Penjabat "]}


def status_on(spells: list[Spell], day: int) -> Spell:
    """The spell that holds on `day` (spells are in time order and contiguous)."""
    lo, hi = 0, len(spells) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if spells[mid].start <= day:
            lo = mid
        else:
            hi = mid - 1
    return spells[lo]


def news_items(world: World, cfg: Config, rng: random.Random, days: int, start: date) -> list[Item]:
    """The facts that reach the news: some events, and monthly glimpses of each post's status."""
    items: list[Item] = []
    for move in world.moves:
        if rng.random() >= cfg.p_event:
            continue
        method = move.method
        items.append(Item(move.day, "inaugurated", move.to_post, move.person, "definitive", method=method, move=move.move,
                          previous_post=move.from_post if move.from_post is not None and rng.random() < 0.6 else None))
        before = status_on(world.spells[move.to_post], move.day - 1) if move.day > 0 else None
        if before is not None and before.status != "definitive" and rng.random() < 0.4:
            items.append(Item(move.day, "reported_vacant", move.to_post, None, before.status, relation="before"))
        if method == "open_selection" and rng.random() < 0.5:
            acting_since = before.start if before is not None and before.status != "definitive" else move.day
            announce = rng.randint(acting_since, move.day) if move.day > acting_since else move.day
            announce = _workday(start, announce)
            if announce <= move.day:
                items.append(Item(announce, "fill_announced", move.to_post, method="announce"))
                if rng.random() < 0.5:
                    items += [Item(announce, "selection_stage", stage=s, method="announce") for s in STAGE_WORDS[: rng.randint(2, 6)]]
    for post_spells in world.spells:
        for spell in post_spells:
            if spell.status in ("plt", "pj") and spell.start > 0 and rng.random() < cfg.p_event * 0.5:
                items.append(Item(spell.start, "appointed", spell.post, spell.person, spell.status))
    months = _month_starts(start, days)
    for post, post_spells in enumerate(world.spells):
        for first, last in months:
            if rng.random() >= cfg.p_month:
                continue
            day = _workday(start, rng.randint(first, last))
            if day >= days:
                continue
            spell = status_on(post_spells, day)
            if spell.status == "definitive":
                items.append(Item(day, "seen_in_post", post, spell.person, "definitive"))
            elif spell.status == "vacant" or rng.random() < 0.4:
                items.append(Item(day, "reported_vacant", post, None, spell.status))
            else:
                items.append(Item(day, "seen_in_post", post, spell.person, spell.status))
    return items


def _month_starts(start: date, days: int) -> list[tuple[int, int]]:
    out, d = [], start
    while (d - start).days < days:
        nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        out.append(((d - start).days, min((nxt - start).days, days) - 1))
        d = nxt
    return out


def _workday(start: date, day: int) -> int:
    weekday = (start + timedelta(days=day)).weekday()
    return day - (weekday - 4) if weekday >= 5 else day  # a weekend moves back to Friday


# --- writing -------------------------------------------------------------------------------------

class Writer:
    """Streams the CSV files so that ten million records never sit in memory at once."""

    def __init__(self, out: Path):
        self.out = out
        self.files, self.writers = {}, {}
        for folder in ("raw", "reference", "truth"):
            (out / folder).mkdir(parents=True, exist_ok=True)

    def table(self, name: str, header: list[str]):
        if name not in self.writers:
            handle = (self.out / name).open("w", encoding="utf-8", newline="")
            self.files[name] = handle
            self.writers[name] = csv.writer(handle, lineterminator="\n")
            self.writers[name].writerow(header)
        return self.writers[name]

    def close(self) -> None:
        for handle in self.files.values():
            handle.close()


def date_forms(day: date, rng: random.Random, undated_ok: bool = True) -> str:
    """The fact's date as an article writes it; left out only where the publication date is the fact's own."""
    weekday = WEEKDAY_NAMES[day.weekday()]
    form = rng.random()
    if form < 0.2:
        return f"{weekday} ({day.day}/{day.month})"  # no year: inferred from publication and weekday
    if form < 0.5:
        return f"{weekday} ({day.day}/{day.month}/{day.year})"
    if form < 0.65:
        return f"{weekday} ({day.day}-{day.month}-{day.year})"
    if form < 0.9:
        return f"{weekday} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    if form < 0.95:
        return f"{weekday} ({day.day}/{day.month}/{day.year}) sore"
    return "" if undated_ok else f"{weekday} ({day.day}/{day.month}/{day.year})"  # undated: the publication date stands in


def written_name(name: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.5:
        return name
    if r < 0.7:
        return f"{rng.choice(PREFIX_TITLES)} {name}"
    if r < 0.85:
        return name + rng.choice(SUFFIX_TITLES)
    return f"{rng.choice(PREFIX_TITLES)} {name}{rng.choice(SUFFIX_TITLES)}"


def generate(out: Path, cfg: Config) -> dict:
    """Simulate, report and write everything; returns counts of what was written."""
    out = Path(out)
    start = date(cfg.start_year, 1, 1)
    end = date(cfg.start_year + cfg.years, 1, 1)
    days = (end - start).days
    w = Writer(out)
    names: list[str] = []

    def new_person() -> int:
        names.append(person_name(len(names)))
        return len(names) - 1

    counts = {"governments": 0, "sources": 0, "records": 0, "moves": 0, "spells": 0, "chain_links": 0}
    _write_shared_reference(out)
    sources = w.table("raw/sources.csv", SOURCE_COLUMNS)
    records = w.table("raw/records.csv", RECORD_COLUMNS)
    reported = w.table("truth/reported_moves.csv", ["record_id", "move_id"])
    source_number = 0
    for g in range(cfg.governments):
        if cfg.max_records is not None and counts["records"] >= cfg.max_records:
            break
        rng = random.Random(f"{cfg.seed}:{g}")
        kind, name = government_name(g)
        gov_id = f"{kind}-{slug(name)}"
        gov_forms = government_forms(kind, name)
        full_name = gov_forms[0]
        first_person = len(names)
        world = World(cfg, rng, new_person, days)
        world.run(start.weekday())
        counts["governments"] += 1
        _write_government_reference(w, gov_id, kind, name, gov_forms)
        post_ids = [f"{gov_id}/{k.slug}" for k in POST_KINDS]
        person_ids = {i: slug(names[i]) for i in range(first_person, len(names))}
        _write_truth(w, gov_id, world, post_ids, person_ids, start, days, counts)

        items = news_items(world, cfg, rng, days, start)
        items.sort(key=lambda it: it.day)
        by_month: dict[tuple[int, int], list[Item]] = {}  # one article per government and month: a local roundup
        for item in items:
            day = start + timedelta(days=item.day)
            by_month.setdefault((day.year, day.month), []).append(item)
        for _, month_items in sorted(by_month.items()):
            if cfg.max_records is not None:
                room = cfg.max_records - counts["records"]
                if room <= 0:
                    break
                month_items = month_items[:room]
            source_number += 1
            source_id = f"{source_number:07d}"
            published = start + timedelta(days=max(item.day for item in month_items))
            inferred = rng.random() < 0.3
            sources.writerow([
                source_id, f"synthetic_{source_id}.txt", rng.choice(["Kabar Daerah", "Warta Pemda", "Suara Rakyat", ""]), "", "",
                published.isoformat(), "true" if inferred else "false",
                "Taken from the latest event the article reports." if inferred else "",
            ])
            counts["sources"] += 1
            for n, item in enumerate(month_items, start=1):
                record_id = f"{source_id}-{n:02d}"
                day = start + timedelta(days=item.day)
                date_raw = date_forms(day, rng, undated_ok=day == published)
                records.writerow(_record(record_id, source_id, item, date_raw, full_name, gov_forms, names, rng))
                counts["records"] += 1
                if item.move is not None:
                    reported.writerow([record_id, f"{gov_id}:{item.move}"])
    w.close()
    (out / "truth" / "config.json").write_text(json.dumps({**asdict(cfg), "counts": counts}, indent=2) + "\n", encoding="utf-8")
    return counts


def _record(record_id, source_id, item: Item, date_raw, gov_full, gov_forms, names, rng) -> list[str]:
    kind = POST_KINDS[item.post] if item.post is not None else None
    government = rng.choice(gov_forms)
    post_raw = status_raw = method_raw = previous_raw = stage_raw = person_raw = ""
    if kind is not None:
        post_raw = rng.choice(post_forms(kind, gov_full))
    if item.person is not None:
        person_raw = written_name(names[item.person], rng)
    if item.status in ("plt", "pj"):
        if item.event in ("seen_in_post", "appointed") and rng.random() < 0.4 and kind is not None:
            post_raw = rng.choice(ACTING_PREFIX[item.status]) + post_raw
        else:
            status_raw = rng.choice(ACTING_WORDS[item.status])
    elif item.status == "definitive" and rng.random() < 0.15:
        status_raw = "definitif"
    elif item.status == "vacant" and rng.random() < 0.3:
        status_raw = "kosong"
    if item.event == "inaugurated":
        method_raw = rng.choice(METHOD_WORDS[item.method]) if rng.random() < 0.85 else ""
        if item.previous_post is not None:
            previous_raw = rng.choice(post_forms(POST_KINDS[item.previous_post], gov_full)[:1] + post_aliases(POST_KINDS[item.previous_post])[:1])
    elif item.event in ("fill_announced", "selection_stage"):
        method_raw = rng.choice(ANNOUNCE_WORDS)
        stage_raw = item.stage or ""
    paragraph = str(rng.randint(1, 14))
    return [record_id, source_id, paragraph, item.event, government, date_raw, item.relation, person_raw, post_raw, status_raw,
            method_raw, previous_raw, "", "", stage_raw, "", ""]


def _write_government_reference(w: Writer, gov_id: str, kind: str, name: str, forms: list[str]) -> None:
    w.table("reference/governments.csv", ["government_id", "name", "kind", "province", "note"]).writerow(
        [gov_id, forms[0], kind, "Sintetis", "Synthetic government."])
    aliases = w.table("reference/government_aliases.csv", ["government_id", "alias"])
    for form in forms:
        aliases.writerow([gov_id, form])
    posts = w.table("reference/posts.csv", ["post_id", "government_id", "name", "short_name", "unit_type", "level", "asisten_number", "note"])
    post_alias_table = w.table("reference/post_aliases.csv", ["government_id", "alias", "post_id", "inferred", "note"])
    for k in POST_KINDS:
        post_id = f"{gov_id}/{k.slug}"
        posts.writerow([post_id, gov_id, f"{k.head_prefix}{k.unit} {forms[0]}".strip(), k.kadis or k.acronym or k.unit, k.unit_type, "jptp", k.number, ""])
        for alias in post_aliases(k):
            post_alias_table.writerow([gov_id, alias, post_id, "false", ""])


def _write_shared_reference(out: Path) -> None:
    """Terms, titles, spelling fixes and legal limits are national: copied from data/reference/."""
    for name in ("spelling_fixes.csv", "terms.csv", "academic_titles.csv", "acting_limits.csv", "person_aliases.csv"):
        (out / "reference").mkdir(parents=True, exist_ok=True)
        (out / "reference" / name).write_bytes((REFERENCE / name).read_bytes())


def _iso(start: date, day: int | None, days: int) -> str:
    return "" if day is None or day >= days else (start + timedelta(days=day)).isoformat()


def _write_truth(w: Writer, gov_id, world: World, post_ids, person_ids, start: date, days: int, counts: dict) -> None:
    spells = w.table("truth/spells.csv", ["government_id", "post_id", "status", "person_id", "start", "end", "start_censored", "end_censored"])
    for post_spells in world.spells:
        for s in post_spells:
            spells.writerow([gov_id, post_ids[s.post], s.status, person_ids.get(s.person, "") if s.person is not None else "",
                             _iso(start, s.start, days), _iso(start, s.end, days), "true" if s.start == 0 else "false",
                             "true" if s.end is None or s.end >= days else "false"])
            counts["spells"] += 1
    moves = w.table("truth/moves.csv", ["move_id", "government_id", "person_id", "from_post_id", "to_post_id", "date", "method", "vacated_by_move_id"])
    links = w.table("truth/chain_links.csv", ["move_id", "next_move_id", "government_id", "post_id"])
    for m in world.moves:
        move_id = f"{gov_id}:{m.move}"
        moves.writerow([move_id, gov_id, person_ids[m.person], post_ids[m.from_post] if m.from_post is not None else "",
                        post_ids[m.to_post], _iso(start, m.day, days), m.method,
                        f"{gov_id}:{m.vacated_by}" if m.vacated_by is not None else ""])
        counts["moves"] += 1
        if m.vacated_by is not None:
            links.writerow([f"{gov_id}:{m.vacated_by}", move_id, gov_id, post_ids[m.to_post]])
            counts["chain_links"] += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    defaults = Config()
    parser.add_argument("--governments", type=int, default=defaults.governments)
    parser.add_argument("--years", type=int, default=defaults.years)
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--start-year", type=int, default=defaults.start_year)
    parser.add_argument("--p-event", type=float, default=defaults.p_event, help="chance an appointment or designation is reported")
    parser.add_argument("--p-month", type=float, default=defaults.p_month, help="chance a post's status is reported in a month")
    parser.add_argument("--max-records", type=int, default=None, help="stop after this many raw records")
    parser.add_argument("--out", type=Path, required=True, help="folder for raw/, reference/ and truth/")
    args = parser.parse_args(argv)
    cfg = Config(governments=args.governments, years=args.years, seed=args.seed, start_year=args.start_year,
                 p_event=args.p_event, p_month=args.p_month, max_records=args.max_records)
    counts = generate(args.out, cfg)
    print(f"Wrote {counts['records']} records in {counts['sources']} articles about {counts['governments']} governments "
          f"({counts['moves']} true moves, {counts['spells']} true spells, {counts['chain_links']} chain links) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
