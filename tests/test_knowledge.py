"""Tests for newsgraph.knowledge: the shipped TSVs and their loader."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import pycountry
import pytest

from newsgraph import knowledge as k

DATA_FILES = [
    "countries.tsv",
    "organizations.tsv",
    "titles.tsv",
    "nominals.tsv",
    "metonyms.tsv",
    "groups.tsv",
    "leaders.tsv",
    "speech_verbs.tsv",
    "regions.tsv",
    "offices.tsv",
    "first_names.tsv",
    "state_abbreviations.tsv",
    "country_points.tsv",
    "admin1_points.tsv",
    "landmarks.tsv",
]


@pytest.fixture(autouse=True)
def _no_user_dictionaries():
    k.clear_actor_dictionaries()
    yield
    k.clear_actor_dictionaries()


# --------------------------------------------------------------------------- files


@pytest.mark.parametrize("name", DATA_FILES)
def test_file_starts_with_version_line_and_has_consistent_columns(name: str) -> None:
    text = files("newsgraph.knowledge").joinpath(name).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert re.fullmatch(r"# newsgraph knowledge v\d+", lines[0])
    body = [line for line in lines if line and not line.startswith("#")]
    width = len(body[0].split("\t"))
    assert width >= 2
    for line in body[1:]:
        assert len(line.split("\t")) == width, line
        assert line == line.strip("\r"), "no CR line endings"
    assert k.knowledge_version(name) >= 1


def test_readme_ships_beside_the_data() -> None:
    readme = files("newsgraph.knowledge").joinpath("README.md").read_text(encoding="utf-8")
    for name in DATA_FILES:
        assert name in readme


# --------------------------------------------------------------------------- countries


def test_country_codes_are_unique_upper_case_alpha3_and_valid() -> None:
    codes = [c.code for c in k.countries()]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in codes)
    for code in codes:
        if code != "XKX":
            assert pycountry.countries.get(alpha_3=code) is not None, code
    assert len(codes) >= 249


def test_every_iso_country_is_present() -> None:
    ours = {c.code for c in k.countries()}
    assert {c.alpha_3 for c in pycountry.countries} <= ours
    assert "XKX" in ours


def test_every_un_member_style_state_has_demonyms() -> None:
    # the 193 UN members plus Palestine, the Holy See, Taiwan and Kosovo
    sovereign = """AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
    BOL
    BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB
    CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC
    GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK
    KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM
    MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PSE PAN PNG
    PRY PER PHL POL PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN
    SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TWN TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV
    UGA UKR ARE GBR USA URY UZB VUT VAT VEN VNM YEM ZMB ZWE XKX""".split()
    assert len(sovereign) == 197
    for code in sovereign:
        country = k.country_by_code(code)
        assert country is not None, code
        assert country.demonyms, code
        assert country.capitals, code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("US", "USA"),
        ("U.S.", "USA"),
        ("USA", "USA"),
        ("U.S.A.", "USA"),
        ("America", "USA"),
        ("the United States", "USA"),
        ("The United States", "USA"),
        ("United States of America", "USA"),
        ("the US'", "USA"),
        ("America's", "USA"),
        ("UK", "GBR"),
        ("U.K.", "GBR"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("DPRK", "PRK"),
        ("North Korea", "PRK"),
        ("North Korea\u2019s", "PRK"),
        ("ROK", "KOR"),
        ("South Korea", "KOR"),
        ("Russian Federation", "RUS"),
        ("Russia", "RUS"),
        ("Holland", "NLD"),
        ("the Netherlands", "NLD"),
        ("Burma", "MMR"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("Venezuela", "VEN"),
        ("Vietnam", "VNM"),
        ("Viet Nam", "VNM"),
        ("Taiwan", "TWN"),
        ("Palestine", "PSE"),
        ("Kosovo", "XKX"),
        ("Czech Republic", "CZE"),
        ("Czechia", "CZE"),
        ("Ivory Coast", "CIV"),
        ("C\u00f4te d'Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("DRC", "COD"),
        ("UAE", "ARE"),
        ("Turkiye", "TUR"),
        ("CHINA", "CHN"),
        ("Gaza Strip", "PSE"),
        ("Kampuchea", "KHM"),
        ("ukraine", "UKR"),
    ],
)
def test_country_by_name(text: str, code: str) -> None:
    country = k.country_by_name(text)
    assert country is not None, text
    assert country.code == code


@pytest.mark.parametrize("text", ["us", "Us", "uk", "who", "", "   ", "Atlantis", "the"])
def test_country_by_name_rejects(text: str) -> None:
    assert k.country_by_name(text) is None


def test_country_common_names() -> None:
    assert k.country_by_code("USA").name == "United States"
    assert k.country_by_code("RUS").name == "Russia"
    assert k.country_by_code("PRK").name == "North Korea"
    assert k.country_by_code("KOR").name == "South Korea"
    assert k.country_by_code("GBR").name == "United Kingdom"
    assert k.country_by_code("XKX").name == "Kosovo"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("North Korean", "PRK"),
        ("North Koreans", "PRK"),
        ("Russians", "RUS"),
        ("Russian", "RUS"),
        ("American", "USA"),
        ("Americans", "USA"),
        ("British", "GBR"),
        ("Briton", "GBR"),
        ("Ukrainian", "UKR"),
        ("French", "FRA"),
        ("Chinese", "CHN"),
        ("Emirati", "ARE"),
        ("Filipino", "PHL"),
        ("Afghan", "AFG"),
        ("Israeli", "ISR"),
        ("Palestinians", "PSE"),
        ("Swedes", "SWE"),
        ("Dutch", "NLD"),
        ("Congolese", "COD"),
        ("Dominican", "DOM"),
        ("Kosovar", "XKX"),
    ],
)
def test_country_by_demonym(text: str, code: str) -> None:
    country = k.country_by_demonym(text)
    assert country is not None, text
    assert country.code == code


def test_country_by_demonym_rejects_names() -> None:
    assert k.country_by_demonym("Russia") is None
    assert k.country_by_demonym("") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Washington", "USA"),
        ("Moscow", "RUS"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Beijing", "CHN"),
        ("Pyongyang", "PRK"),
        ("Seoul", "KOR"),
        ("Tokyo", "JPN"),
        ("London", "GBR"),
        ("Paris", "FRA"),
        ("Berlin", "DEU"),
        ("Tehran", "IRN"),
        ("Damascus", "SYR"),
        ("Jerusalem", "ISR"),
        ("Taipei", "TWN"),
        ("New Delhi", "IND"),
        ("Brasilia", "BRA"),
        ("Moscow's", "RUS"),
    ],
)
def test_country_by_capital(text: str, code: str) -> None:
    country = k.country_by_capital(text)
    assert country is not None, text
    assert country.code == code


def test_country_by_code() -> None:
    assert k.country_by_code("USA").name == "United States"
    assert k.country_by_code("usa").code == "USA"
    assert k.country_by_code("KOS").code == "XKX"
    assert k.country_by_code("ZZZ") is None


def test_country_names_are_unambiguous() -> None:
    seen: dict[str, str] = {}
    for country in k.countries():
        for name in (country.name, *country.aliases):
            found = k.country_by_name(name)
            assert found is not None, name
            if found.code != country.code:
                seen[name] = f"{country.code} shadowed by {found.code}"
    assert seen == {}


# --------------------------------------------------------------------------- organisations


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("NATO", "NATO"),
        ("Nato", "NATO"),
        ("North Atlantic Treaty Organization", "NATO"),
        ("NATO's", "NATO"),
        ("the EU", "European Union"),
        ("EU", "European Union"),
        ("E.U.", "European Union"),
        ("European Union", "European Union"),
        ("European Community", "European Union"),
        ("United Nations", "United Nations"),
        ("the U.N.", "United Nations"),
        ("UN", "United Nations"),
        ("UNSC", "UN Security Council"),
        ("U.N. Security Council", "UN Security Council"),
        ("IMF", "International Monetary Fund"),
        ("WHO", "World Health Organization"),
        ("IAEA", "International Atomic Energy Agency"),
        ("ICC", "International Criminal Court"),
        ("African Union", "African Union"),
        ("ASEAN", "ASEAN"),
        ("G7", "G7"),
        ("G-20", "G20"),
        ("Arab League", "Arab League"),
        ("Red Cross", "International Committee of the Red Cross"),
        ("ICRC", "International Committee of the Red Cross"),
        ("Interpol", "Interpol"),
        ("BRICS", "BRICS"),
        ("Shanghai Cooperation Organization", "Shanghai Cooperation Organisation"),
        ("ECOWAS", "ECOWAS"),
        ("Mercosur", "Mercosur"),
        ("OAS", "Organization of American States"),
        ("Commonwealth", "Commonwealth"),
        ("European Commission", "European Commission"),
        ("OSCE", "OSCE"),
        ("Council of Europe", "Council of Europe"),
        ("World Bank", "World Bank"),
        ("OPEC", "OPEC"),
        ("GCC", "Gulf Cooperation Council"),
    ],
)
def test_organization_by_name(text: str, name: str) -> None:
    org = k.organization_by_name(text)
    assert org is not None, text
    assert org.name == name


@pytest.mark.parametrize("text", ["who", "un", "eu", "Hamas", ""])
def test_organization_by_name_rejects(text: str) -> None:
    assert k.organization_by_name(text) is None


def test_organization_codes_follow_cameo_conventions() -> None:
    assert k.organization_by_name("NATO").code == "IGOWSTNAT"
    assert k.organization_by_name("UN").code == "IGOUNO"
    assert k.organization_by_name("EU").code == "IGOEUREEC"
    assert k.organization_by_name("UN").plover == "UNO"
    assert k.organization_by_name("EU").plover == "EUR"
    assert k.organization_by_name("NATO").plover == "IGO"
    kinds = {"alliance", "union", "un", "financial", "court", "trade", "regional", "ngo", "other"}
    names = [o.name for o in k.organizations()]
    assert len(names) == len(set(names))
    for org in k.organizations():
        assert re.fullmatch(r"(IGO|NGO)[A-Z]*", org.code), org.code
        assert len(org.code) % 3 == 0, org.code
        assert org.plover in {"IGO", "UNO", "EUR", "NGO"}
        assert org.kind in kinds, org
        assert org.nominals, org.name
        assert all(n.startswith("the ") for n in org.nominals), org.name


def test_organization_aliases_are_unambiguous() -> None:
    for org in k.organizations():
        for name in (org.name, *org.aliases):
            assert k.organization_by_name(name) == org, name


def test_organization_by_nominal() -> None:
    assert k.organization_by_nominal("the alliance")[0].name == "NATO"
    assert "NATO" in [o.name for o in k.organization_by_nominal("the military alliance")]
    assert k.organization_by_nominal("the bloc")[0].name == "European Union"
    assert k.organization_by_nominal("The 27-nation bloc")[0].name == "European Union"
    assert k.organization_by_nominal("the world body")[0].name == "United Nations"
    assert k.organization_by_nominal("world body")[0].name == "United Nations"
    assert k.organization_by_nominal("the weather") == []


# --------------------------------------------------------------------------- metonyms


def test_metonyms() -> None:
    kremlin = k.metonym("Kremlin")
    assert kremlin is not None and (kremlin.country, kremlin.sector) == ("RUS", "GOV")
    assert k.metonym("the Kremlin") == kremlin
    assert k.metonym("The Kremlin's") == kremlin
    assert k.metonym("White House").country == "USA"
    pentagon = k.metonym("the Pentagon")
    assert (pentagon.country, pentagon.sector) == ("USA", "MIL")
    assert k.metonym("Downing Street").country == "GBR"
    assert k.metonym("Elysee").country == "FRA"
    assert k.metonym("\u00c9lys\u00e9e").country == "FRA"
    assert k.metonym("Moscow") is None
    for m in k.metonyms():
        assert k.country_by_code(m.country) is not None, m
        assert m.sector in k.SECTORS


# --------------------------------------------------------------------------- titles


def test_titles_columns_are_valid() -> None:
    titles = k.titles()
    assert len(titles) >= 150
    names = [t.title for t in titles]
    assert len(names) == len(set(names))
    for t in titles:
        assert t.sector in k.SECTORS, t
        assert t.gender in {None, "m", "f"}, t
        assert t.kind in {"person", "org_head", "generic"}, t
        assert all(a == a.lower() for a in t.aliases), t
        assert t.title[0].isupper(), t


def test_title_aliases_are_unambiguous() -> None:
    owner: dict[str, str] = {}
    for t in k.titles():
        for phrase in {t.title.lower(), *t.aliases}:
            assert owner.setdefault(phrase, t.title) == t.title, phrase


@pytest.mark.parametrize(
    ("text", "title", "sector"),
    [
        ("Secretary of State", "Secretary of State", "GOV"),
        ("secretary of state", "Secretary of State", "GOV"),
        ("Secretary-General", "Secretary General", "GOV"),
        ("foreign policy chief", "Foreign Policy Chief", "GOV"),
        ("Foreign Minister", "Foreign Minister", "GOV"),
        ("minister of foreign affairs", "Foreign Minister", "GOV"),
        ("top diplomat", "Top Diplomat", "GOV"),
        ("Defense Minister", "Defence Minister", "GOV"),
        ("Defence Minister", "Defence Minister", "GOV"),
        ("Sen.", "Senator", "LEG"),
        ("Rep.", "Representative", "LEG"),
        ("Gen.", "General", "MIL"),
        ("CEO", "Chief Executive", "BUS"),
        ("PM", "Prime Minister", "GOV"),
        ("Pope", "Pope", "REL"),
        ("Ayatollah", "Ayatollah", "REL"),
        ("police chief", "Police Chief", "COP"),
        ("Army Chief", "Army Chief", "MIL"),
        ("opposition leader", "Opposition Leader", "OPP"),
        ("Chief Justice", "Chief Justice", "JUD"),
        ("Attorney General", "Attorney General", "GOV"),
        ("the president", "President", "GOV"),
        ("Deputy Foreign Minister", "Deputy Foreign Minister", "GOV"),
        ("deputy prime minister", "Deputy Prime Minister", "GOV"),
        ("Acting Secretary-General", "Acting Secretary General", "GOV"),
        ("Vice Foreign Minister", "Vice Foreign Minister", "GOV"),
        ("former president", "Former President", "ELI"),
    ],
)
def test_title_by_phrase(text: str, title: str, sector: str) -> None:
    found = k.title_by_phrase(text)
    assert found is not None, text
    assert (found.title, found.sector) == (title, sector)


def test_title_details() -> None:
    assert k.title_by_phrase("king").gender == "m"
    assert k.title_by_phrase("queen").gender == "f"
    assert k.title_by_phrase("spokeswoman").gender == "f"
    assert k.title_by_phrase("official").kind == "generic"
    assert k.title_by_phrase("diplomat").kind == "generic"
    assert k.title_by_phrase("president").office_holder_only is True
    assert k.title_by_phrase("deputy foreign minister").office_holder_only is False
    assert k.title_by_phrase("former president").office_holder_only is False
    assert k.title_by_phrase("deputy") is None
    assert k.title_by_phrase("banana") is None
    assert k.title_by_phrase("") is None


def test_title_phrases_longest_first() -> None:
    phrases = k.title_phrases()
    assert len(phrases) > 300
    lengths = [len(p) for p, _ in phrases]
    assert lengths == sorted(lengths, reverse=True)
    texts = [p for p, _ in phrases]
    assert len(texts) == len(set(texts))
    assert all(p == p.lower() for p in texts)
    as_dict = dict(phrases)
    assert as_dict["secretary of state"].title == "Secretary of State"
    assert as_dict["sen."].title == "Senator"


# --------------------------------------------------------------------------- nominals, verbs


def test_nominals() -> None:
    assert k.nominal("alliance").type == "ORG"
    assert k.nominal("troops").number == "pl"
    assert k.nominal("official").type == "PERSON"
    assert k.nominal("country").type == "GPE"
    assert k.nominal("police").sector == "COP"
    assert k.nominal("Government").type == "GPE"
    assert k.nominal("kremlin") is None
    assert k.nominal("banana") is None


def test_nominal_columns_are_valid() -> None:
    path = files("newsgraph.knowledge").joinpath("nominals.tsv")
    rows = [
        line.split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()[1:]
        if line and not line.startswith("#")
    ][1:]
    assert len(rows) >= 100
    for noun, type_, number, sector in rows:
        assert noun == noun.lower()
        assert type_ in {"PERSON", "ORG", "GPE"}
        assert number in {"sg", "pl"}
        assert sector == "" or sector in k.SECTORS


def test_speech_verbs() -> None:
    verbs = k.speech_verbs()
    assert len(verbs) >= 80
    classes = {"neutral", "assertive", "directive", "negative", "question", "belief", "evidence"}
    assert {v.verb_class for v in verbs} == classes
    assert k.speech_verb("say").verb_class == "neutral"
    assert k.speech_verb("tell").takes_addressee is True
    assert k.speech_verb("say").takes_addressee is False
    assert k.speech_verb("urge").verb_class == "directive"
    assert k.speech_verb("deny").verb_class == "negative"
    assert k.speech_verb("ask").verb_class == "question"
    assert k.speech_verb("believe").verb_class == "belief"
    for lemma in ["warn", "insist", "claim", "announce", "stress", "echo", "tweet", "admit"]:
        assert k.speech_verb(lemma) is not None, lemma
    assert k.speech_verb("eat") is None


# --------------------------------------------------------------------------- user dictionaries


def test_load_actor_dictionary(tmp_path: Path) -> None:
    path = tmp_path / "actors.tsv"
    path.write_text(
        "# my actors\n"
        "name\taliases\ttype\tcountry\tsector\n"
        "Antony Blinken\tBlinken|Tony Blinken\tPERSON\tUSA\tGOV\n"
        "\n"
        "Wagner Group\tWagner\tORG\tRUS\tPRM\n"
        "Transnistria\tPridnestrovie\tGPE\tMDA\tPRE\n"
        "Somebody\t\tPERSON\n",
        encoding="utf-8",
    )
    k.load_actor_dictionary(path)
    blinken = k.actor_dictionary_entry("Blinken")
    assert blinken is not None
    assert blinken.name == "Antony Blinken"
    assert (blinken.type, blinken.country, blinken.sector) == ("PERSON", "USA", "GOV")
    assert k.actor_dictionary_entry("Blinken's") == blinken
    assert k.actor_dictionary_entry("wagner").name == "Wagner Group"
    assert k.actor_dictionary_entry("Somebody").country is None
    assert k.country_by_name("Transnistria").code == "MDA"
    assert k.actor_dictionary_entry("Nobody") is None
    k.clear_actor_dictionaries()
    assert k.actor_dictionary_entry("Blinken") is None
    assert k.country_by_name("Transnistria") is None


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Bad Row\tonly two", "expected name"),
        ("X\t\tROBOT\tUSA\tGOV", "type"),
        ("X\t\tPERSON\tusa\tGOV", "country"),
        ("X\t\tPERSON\tUSA\tGOVERNMENT", "sector"),
        ("X\t\tPERSON\tUSA\tGOV\textra", "columns"),
        ("\tX\tPERSON\tUSA\tGOV", "name"),
    ],
)
def test_malformed_actor_dictionary_row_names_the_line(
    tmp_path: Path, row: str, message: str
) -> None:
    path = tmp_path / "actors.tsv"
    path.write_text(
        f"name\taliases\ttype\tcountry\tsector\nGood\t\tPERSON\tUSA\tGOV\n{row}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=message) as info:
        k.load_actor_dictionary(path)
    assert ", line 3:" in str(info.value)
    assert k.actor_dictionary_entry("Good") is None, "nothing merged from a bad file"


def test_actor_dictionary_must_be_utf8(tmp_path: Path) -> None:
    path = tmp_path / "actors.tsv"
    path.write_bytes(b"Caf\xe9\t\tORG\n")
    with pytest.raises(ValueError, match="UTF-8"):
        k.load_actor_dictionary(path)


def test_a_bare_security_council_is_not_the_uns() -> None:
    # Armenia, Israel and others have national security councils of that name.
    assert k.organization_by_name("Security Council") is None


def test_groups_have_their_country_and_a_plover_sector() -> None:
    assert (k.group("Hezbollah").country, k.group("Hezbollah").sector) == ("LBN", "REB")
    assert k.group("the Taliban").country == "AFG"
    assert k.group("al-Qaeda") is None  # transnational: no one country
    for g in k.groups():
        assert k.country_by_code(g.country) is not None, g
        assert g.sector in {"REB", "PTY", "PRM", "GOV"}, g
