"""The participant and the case facts the law talks about.

Every fact is optional: ``None`` means *unknown* (not registered, not asked), which is not
the same as *no*. A fact known to be absent is written explicitly, e.g. ``done: false`` on an
event or an empty list of registrations.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from .duf import DufNummer
from .errors import FieldValueError
from .findings import Unit
from .levels import Level, Subtest

frozen = attrs.frozen(kw_only=True)


def _none_means_no(*date_fields: str):
    """Validator of a "known not done" flag: False (known none) cannot come with a date in ``date_fields`` (its own
    date, and the dates of what cannot happen without it: no start without a decision or an offer)."""
    def check(instance, attribute, value) -> None:
        if value is False:
            for date_field in date_fields:
                if getattr(instance, date_field) is not None:
                    raise FieldValueError(f"{attribute.name} is false (known none), but {date_field} is given")
    return check


class PermitBasis(enum.Enum):
    """The legal basis of the residence permit (integreringsloven § 9 first paragraph, §§ 27-28)."""

    FLYKTNING = "flyktning"  # § 9 a: refugee, utlendingsloven § 28
    OVERFORINGSFLYKTNING = "overforingsflyktning"  # § 9 b: resettlement refugee, utl. § 35 third para
    OPPHOLD_ETTER_BESKYTTELSESSOKNAD = "opphold_etter_beskyttelsessoknad"  # § 9 c: utl. § 38 first para
    BARNEFAMILIE = "barnefamilie"  # § 9 d: utl. § 38 fifth para a or b
    KOLLEKTIV_BESKYTTELSE = "kollektiv_beskyttelse"  # § 9 e: collective protection, utl. § 34
    FAMILIEGJENFORENING = "familiegjenforening"  # § 9 f: family member of a-e (utl. chapter 6)
    MENNESKEHANDEL_ELLER_VOLD = "menneskehandel_eller_vold"  # § 9 g: utl. § 53 (1) b, (2), (3)
    ARBEID = "arbeid"  # utl. § 23 (§ 28: duty only)
    STUDIER_ELLER_ANNET = "studier_eller_annet"  # utl. § 25 or other permits
    ANNEN_FAMILIEINNVANDRING = "annen_familieinnvandring"  # family of others than § 9 persons
    NORDISK_EOS = "nordisk_eos"  # Nordic or EEA citizen: outside the law's target groups (§ 8 fourth para)


class Education(enum.Enum):
    """Education completed before arrival, as the guiding minimum levels group it."""

    INGEN_GRUNNSKOLE = "ingen_grunnskole"  # primary school not completed
    GRUNNSKOLE = "grunnskole"  # primary school completed
    VIDEREGAENDE = "videregaende"  # upper secondary (giving general university admission)
    HOYERE = "hoyere"  # higher education

    @property
    def rank(self) -> int:
        return self._rank  # the position in the order, set on each member below (rules ask often)

    @property
    def upper_secondary_or_higher(self) -> bool:
        return self._rank >= Education.VIDEREGAENDE._rank


for _position, _education in enumerate(Education):
    _education._rank = _position
del _position, _education


class Sluttmal(enum.Enum):
    """End goal of the introduction programme (integreringsloven § 13)."""

    ARBEID = "arbeid"
    HOYERE_UTDANNING = "hoyere_utdanning"  # qualify for higher education
    FAGSKOLE = "fagskole"  # higher vocational education
    FULLFORT_VIDEREGAENDE = "fullfort_videregaende"  # completed upper secondary
    GRUNNSKOLE = "grunnskole"  # complete (part of) primary school
    DELER_AV_VIDEREGAENDE = "deler_av_videregaende"  # part of upper secondary
    # Complete vocational training (fag- og yrkesopplæring): § 14 fifth paragraph as amended by
    # LOV-2025-06-20-35 (in force 01.01.2026) gives it its own duration; added by plugins/integreringsloven.
    FAG_OG_YRKESOPPLAERING = "fag_og_yrkesopplaering"


@frozen
class ResidencePermit:
    """Oppholdstillatelse: when it was granted, on what basis, and arrival if granted from abroad."""

    granted: dt.date | None = None
    basis: PermitBasis | None = None
    arrival: dt.date | None = None  # arrival in Norway, if the permit was granted before entry
    applied_from_abroad: bool | None = None
    # § 9 first paragraph (f): family reunification counts only if the reference person had lived in a
    # municipality less than five years before it was applied for. When the reference person was settled in a
    # municipality, and when family reunification was applied for.
    reference_settled: dt.date | None = None
    reunification_applied: dt.date | None = None


@frozen
class Event:
    """Something done (or known not done) on a date: a mapping, a contract, a registration."""

    done: bool | None = None
    date: dt.date | None = None
    documented: bool | None = None


@frozen
class Course:
    """A course the programme must contain (livsmestring, foreldreveiledning)."""

    done: bool | None = None
    date: dt.date | None = None  # completed on
    hours: float | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.ge(0)))
    sessions: int | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.ge(0)))
    group: bool | None = None  # group (True) or individual (False) format


@frozen
class Extension:
    """Forlengelse of the programme (§ 13 fifth paragraph; an individual decision, § 46)."""

    date: dt.date
    months: int = attrs.field(validator=attrs.validators.ge(1))
    expected_goal_attainment: bool | None = None  # why: the participant is expected to reach the goal


@frozen
class Leave:
    """Godkjent permisjon: approved leave, added to the programme's and training's duration."""

    start: dt.date
    end: dt.date


@frozen
class Work:
    """Arbeid eller tilbud om arbeid: integreringsloven § 8 fourth paragraph as amended by LOV-2025-06-20-35
    (no right and duty to the programme while in, or offered, work of at least 30 hours a week). Added by
    plugins/integreringsloven. ``None`` = unknown, as everywhere."""

    # From when the person was in the job or had the offer of it: the day of the offer, or the first day of work
    # when there was no earlier offer (§ 8 fourth paragraph treats both alike).
    start: dt.date | None = None
    hours_per_week: float | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.ge(0)))
    ended: bool | None = None  # the work ended or the offer lapsed; False = still on when registered
    end: dt.date | None = None  # the last day of work, or the day the offer lapsed


@frozen
class Programme:
    """Introduksjonsprogram: the decision, start, end, end reason and end goal."""

    participates: bool | None = None  # for chapter 6A the programme is voluntary
    decision_date: dt.date | None = None
    # False: known that no § 12 decision has been made (at the export); None: unknown. Never false with a date.
    decision_made: bool | None = attrs.field(default=None, validator=_none_means_no("decision_date", "start_date"))
    start_date: dt.date | None = None
    planned_end: dt.date | None = None
    end_date: dt.date | None = None
    end_reason: str | None = None  # avslutningsårsak as NIR writes it
    sluttmal: Sluttmal | None = None
    full_time: bool | None = None
    all_year: bool | None = None
    extensions: tuple[Extension, ...] | None = None
    leaves: tuple[Leave, ...] | None = None
    reopened: dt.date | None = None  # gjenåpning after ending to work (chapter 6A)
    # Added by plugins/integreringsloven for LOV-2025-06-20-35 and FOR-2025-09-17-1909 (from 01.01.2026):
    # absence and time off (fravær, fri) under the regulation's chapters 3-4, not holidays (§ 18) or chosen
    # religious days (§ 17 second paragraph); with the leaves, over ten working days extend the programme
    # (regulation §§ 10, 19). () = known none.
    absences: tuple[Leave, ...] | None = None
    # § 14 a third paragraph: the average hours a week of work-oriented elements in the programme time after
    # its first three months (with upper secondary) or six months (without), in a work-qualifying programme.
    arbeidsrettede_timer_per_uke: float | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.ge(0)))


@frozen
class PlanContents:
    """What the integreringsplan states (§ 15 third paragraph); True = stated, False = not stated."""

    sluttmal: bool | None = None
    norskmal: bool | None = None
    omfang_norsk: bool | None = None  # extent of Norwegian training
    omfang_samfunnskunnskap: bool | None = None  # extent of social-studies training
    varighet: bool | None = None  # the programme's duration
    elementer: bool | None = None  # the programme's elements
    klagemuligheter: bool | None = None  # how to complain
    begrunnelse_elementer: bool | None = None  # § 15 fourth paragraph: why these elements
    langsiktige_mal: bool | None = None  # long-term goals (§ 15 third paragraph as amended, plans from 01.01.2026)


class RevisionTrigger(enum.Enum):
    """Why the plan was revised."""

    JEVNLIG = "jevnlig"  # regular review (§ 15 sixth paragraph)
    VESENTLIG_ENDRING = "vesentlig_endring"  # significant change in the participant's life
    INNTAK = "inntak"  # local routine: intake date
    KLASSEBYTTE = "klassebytte"  # local routine: change of class
    OVERGANG_NAV = "overgang_nav"  # local routine: transition to NAV measures
    ANNET = "annet"


@frozen
class Revision:
    date: dt.date
    trigger: RevisionTrigger | None = None


@frozen
class Integreringsplan:
    """The integration plan (§ 15; under chapter 6A § 37 c sixth paragraph)."""

    created: dt.date | None = None
    # False: known that no plan has been made (at the export); None: unknown. Never false with a date.
    made: bool | None = attrs.field(default=None, validator=_none_means_no("created"))
    contents: PlanContents | None = None
    based_on_kartlegging: bool | None = None
    revisions: tuple[Revision, ...] | None = None


@frozen
class SubtestLevels:
    """A level per Norskprøven sub-test (a Norwegian goal or a minimum level)."""

    lytteforstaelse: Level | None = None
    leseforstaelse: Level | None = None
    skriftlig: Level | None = None
    muntlig: Level | None = None

    def get(self, subtest: Subtest) -> Level | None:
        return getattr(self, subtest.value)

    def items(self) -> list[tuple[Subtest, Level | None]]:
        return [(s, self.get(s)) for s in Subtest]


class GoalChangeKind(enum.Enum):
    FASTSETTING = "fastsetting"  # the goal first set
    ENDRING = "endring"  # a later change


@frozen
class GoalChange:
    """Norskmål set or changed on a date, per sub-test, with its justification and unit."""

    date: dt.date
    kind: GoalChangeKind
    levels: SubtestLevels
    justification: str | None = None
    unit: Unit | None = None


@frozen
class TestResult:
    """One Norskprøven sub-test result; ``level`` None means "ikke nok grunnlag for vurdering"."""

    date: dt.date
    subtest: Subtest
    level: Level | None = None


@frozen
class LanguageTraining:
    """Opplæring i norsk og samfunnskunnskap (§§ 26-37)."""

    offer_date: dt.date | None = None  # tilbud given (§ 30): the day the participant got the offer to start
    decision_date: dt.date | None = None
    # False: known that no offer (no § 30 decision) has been made (at the export); None: unknown.
    offered: bool | None = attrs.field(default=None,
                                       validator=_none_means_no("offer_date", "decision_date", "start_date"))
    decision_made: bool | None = attrs.field(default=None, validator=_none_means_no("decision_date", "start_date"))
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    exempt: bool | None = None  # fritak (§ 29)
    extended_norwegian: bool | None = None  # decision on extended Norwegian training (chapter 6A)
    leaves: tuple[Leave, ...] | None = None
    samfunnskunnskap: Event | None = None  # social studies completed
    samfunnskunnskapsprove: Event | None = None  # social-studies test taken
    test_exempt: bool | None = None  # fritak fra prøveplikt (§ 37 with § 29)
    full_time_upper_secondary: bool | None = None  # fulltid videregående opplæring
    # Date full-time upper secondary began (fylkeskommunen responsible from then, § 30 second para); added by
    # plugins/integreringsloven: it is when the NIR item "fulltid videregående opplæring" becomes due.
    upper_secondary_start: dt.date | None = None
    # Dates the participant changed class in the training (klassebytte); () = known none. Added for
    # local routines that revise the integration plan at a change of class (plugins/eksempelkommune).
    class_changes: tuple[dt.date, ...] | None = None
    # Chapter 6A (integreringsloven § 37 d second paragraph): the municipality must give the participant the
    # opportunity to take a free final Norwegian test; done/date = when that offer was given. Added for
    # plugins/kapittel6a (`kapittel_6a.gratis_avsluttende_norskprove`).
    final_test_offered: Event | None = None
    # The Norwegian training is given in preparatory adult education (forberedende opplæring for voksne):
    # from 01.01.2026 integreringsforskriften § 28 sixth paragraph gives these participants their own guiding
    # minimum level. Added for plugins/norskmal.
    preparatory_adult_education: bool | None = None


@frozen
class NirRegistration:
    """One item registered in NIR (Nasjonalt introduksjonsregister), its date and unit."""

    item: str
    date: dt.date
    unit: Unit | None = None


@frozen
class Participant:
    """A settled refugee or immigrant whose case is checked against the law.

    ``id`` is the case system's own pseudonymous key, never the DUF number or a name:
    it is what reports and error messages show.
    """

    id: str = attrs.field(validator=attrs.validators.min_len(1))
    # Personal data: hidden from repr, so that logs, tracebacks and --trace never show them.
    duf: DufNummer | None = attrs.field(default=None, repr=lambda v: "None" if v is None else "<hidden>")
    name: str | None = attrs.field(default=None, repr=lambda v: "None" if v is None else "<hidden>")
    birth_date: dt.date | None = None
    permit: ResidencePermit | None = None
    settlement_date: dt.date | None = None  # bosetting in the municipality
    settled_by_agreement: bool | None = None  # bosatt etter avtale med integreringsmyndighetene
    registered_date: dt.date | None = None  # folkeregistrering in the municipality (§ 30)
    claim_date: dt.date | None = None  # krav om program or training put forward
    earlier_municipality_months: int | None = None  # months lived in other municipalities with the permit
    started_under_introduksjonsloven: bool | None = None  # programme or training begun under the old law
    education: Education | None = None
    needs_b2: bool | None = None  # needs documented B2 in all skills (e.g. for higher education)
    children_under_18: bool | None = None  # has, or got during the programme, children under 18
    kompetansekartlegging: Event | None = None
    karriereveiledning: Event | None = None
    introduksjonsprogram: Programme | None = None
    integreringsplan: Integreringsplan | None = None
    integreringskontrakt: Event | None = None
    opplaering: LanguageTraining | None = None
    norskmal: tuple[GoalChange, ...] | None = None
    test_results: tuple[TestResult, ...] | None = None
    livsmestring: Course | None = None
    foreldreveiledning: Course | None = None
    nir: tuple[NirRegistration, ...] | None = None
    # Work and job offers, for § 8 fourth paragraph (LOV-2025-06-20-35); () = known none. Added by
    # plugins/integreringsloven.
    work: tuple[Work, ...] | None = None


@frozen
class CaseFile:
    """A municipality's case file: header facts and its participants."""

    kommune: str | None = None
    as_of: dt.date | None = None
    settings: dict[str, object] = attrs.field(factory=dict)
    participants: tuple[Participant, ...] = ()
