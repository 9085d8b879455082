"""Demo data: the UNECE Regional Review 2024 and its roadmap of consultations.

Everything here comes from the summary report of the UNECE stakeholder pre-consultation of
14 November 2023 (shared/domain/unece-preconsultation-summary-2023-11-14.md). Text is the
report's own, verbatim, with markdown link syntax dropped (the link text is kept) and the
report's superscript footnote markers written as ``[^n]``. Where the report gives no
date or time, a placeholder is used and the code says so.

``load()`` is idempotent: every row is keyed (slug, (session, position), email) and written
with ``update_or_create``, so running it twice changes nothing and duplicates nothing.
Reference data (sectors, objectives, regions, member States) comes from the gcm
migrations and is only looked up here.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import translation

from consultations.enums import (
    Attendance,
    Mode,
    RegistrationStatus,
    SessionFormat,
    SessionKind,
    SessionStatus,
)
from consultations.models import (
    Footnote,
    RegionalReview,
    Registration,
    Session,
    SessionContact,
    SessionLink,
    Speaker,
)
from gcm.models import MemberState, Region, Sector
from stakeholders.models import Organisation, Profile

TIME_ZONE = "Europe/Zurich"
ZURICH = ZoneInfo(TIME_ZONE)
GENEVA_VENUE = "Palais des Nations, Geneva"

REVIEW_SLUG = "unece-2024"
PRE_CONSULTATION_SLUG = "unece-pre-consultation-2023-11-14"
THEMATIC_JANUARY_SLUG = "unece-thematic-consultation-2024-01"
THEMATIC_FEBRUARY_SLUG = "unece-thematic-consultation-2024-02"
MULTI_STAKEHOLDER_SLUG = "unece-multi-stakeholder-consultation-2024-03-11"
REVIEW_MEETING_SLUG = "unece-regional-review-2024-03-11"


# --- The Regional Review ------------------------------------------------------------------

REVIEW_TITLE = "Regional Review of the Global Compact for Safe, Orderly and Regular Migration in the UNECE region"

# Section II of the report, bullets 1, 2 and 9.
REVIEW_MEETING_TEXT = "The Regional Review meeting of the Global Compact for Safe, Orderly, and Regular Migration for Europe is scheduled to take place as a one-day meeting on 11 March 2024, back-to-back with the Regional Forum on Sustainable Development for the ECE region."
REGION_TEXT = (
    "The UN ECE region includes the participation of Central Asia, Canada and the United States."
)
OUTCOME_TEXT = "The outcome of the Regional Review Meeting will be a non-negotiated outcome report."

REVIEW_DESCRIPTION = f"{REVIEW_MEETING_TEXT} {REGION_TEXT}\n\n{OUTCOME_TEXT}"


# --- Section I: introduction and background (speaker 1) -----------------------------------

SECTION_I_HEADING = (
    "Introduction and background on stakeholder engagement roadmap in the Regional Reviews"
)
SECTION_I_POINTS = (
    "The UN Network on Migration hosted the two Global Stakeholder Consultations on the second round of Regional Reviews of the Global Compact for Safe, Orderly and Regular Migration on 31 October 2023 for the African, UNECE, Latin-American and Caribbean regions, and on 1 November 2023 for the Asia-Pacific and Middle East-North Africa regions. These Global Stakeholder Consultations marked the initiation of the Regional Review process, particularly focusing on how to best optimize stakeholder participation and engagement in the process. Insights were shared by representatives of the Regional Network in all five regions, along with initial feedback and recommendations from stakeholders across all the regions.",
    "A guidance note for meaningful participation of all relevant stakeholders in the second round of Regional Reviews of the GCM and their preparatory processes is available here.",
    "An overall roadmap on stakeholder engagement in Regional Review processes in 2023-2025 is available in English, French, Arabic, and Spanish.",
    "As the initial step in the roadmap for each region and its respective Regional Reviews, a series of pre-consultations is being organized by the Network Secretariat in each of the five regions, occurring at least 12 weeks before each Regional Review meeting. These pre-consultations will focus on gathering inputs on GCM thematic priorities and the participation process early enough to inform the development of the agenda for the Multi-stakeholder consultation and the Regional Review meeting.",
    "Following the pre-consultation series, additional consultations focusing on specific thematic areas will be conducted in each region, culminating in a one-day hybrid or in-person multi-stakeholder consultation held at least one day prior to each Regional Review meeting.",
    "In addition to the consultations, the Network will launch five discussion spaces, one for each region, on the Migration Network Hub in January 2024. The discussion spaces will be a place where stakeholders may continually post feedback, recommendations, data, and reports on the implementation of GCM objectives and migration policy. An analysis paper of submissions for each regional Discussion Space will be presented before each Regional Review.",
)


# --- Section II: timeline and roadmap in the UNECE region (speaker 2) ---------------------

SECTION_II_HEADING = "GCM Regional Review in the UNECE region: timeline and roadmap"

# The three GCM Talks: the report's sub-bullets, split into title / organisers / rest.
TALK_BLMA_TITLE = "Good practices, challenges and gaps on Bilateral Labour Migrations Agreements (BLMA), including Skills Mobility Partnerships (SMP)"
TALK_ALMATY_TITLE = "Capitalising on Human Mobility for the Advancement of Regional Cooperation and the Development of Our Societies"
TALK_CLIMATE_TITLE = "Migration and adaptation in the context of climate change"

TALK_BLMA_POINT = f"{TALK_BLMA_TITLE}, which was organised by the Kingdom of Morocco together with GCM Champion countries, with the support of IOM. Discussions encouraged the exchange of ideas, identifying key challenges or issues that require attention, and helped initiating pledges and identifying practices for inclusion on the Migration Network Hub;"
TALK_ALMATY_POINT = f"{TALK_ALMATY_TITLE}, which took place back-to-back with the Almaty Process’ Senior Officials Meeting, saw the participation of Member States, UN agencies, and civil society and stakeholder representatives."
TALK_CLIMATE_POINT = f"{TALK_CLIMATE_TITLE}, which was co-hosted by the United Kingdom’s Foreign, Commonwealth and Development Office (FCDO) and IOM UK along with the participation of stakeholder groups based in the United Kingdom. Speakers explored ways in which migrants can be part of the solution to climate change if included in adaptation, planning, implementation, and monitoring."

TWO_CONSULTATIONS_TEXT = "Two additional consultations for stakeholders are scheduled to take place. A hybrid thematic consultation for the UNECE region will take place at the end of January 2024, coinciding with the UN Migration Week and the Network Annual Meeting. This consultation will specifically focus on roundtables clusters 1 and 2. In February, a second (online) thematic consultation on roundtable clusters 2 and 4 will follow. The primary objective of these upcoming pre-consultations is to shape the discussions of the four thematic roundtables during the Regional Review."
RAPPORTEUR_TEXT = "An open call for expressions of interest for the stakeholder Rapporteur will be initiated, for which migrant voices speakers are encouraged to apply. The selection process will be conducted by the Network, considering expressions of interest received, and with due regard to geographic and gender balance, ensuring representation by all relevant stakeholders. The Rapporteur’s responsibilities will be to convey the outcomes of the multi-stakeholder consultation at the opening of the intergovernmental meeting."

SECTION_II_POINTS = (
    REVIEW_MEETING_TEXT,
    REGION_TEXT,
    "This pre-consultation aims to provide detailed information to shape the agenda of the Regional Review along with the Roundtable discussions, as well as for the preceding multi-stakeholder consultation that will take place on the morning of the Regional Review meeting on 11 March 2024.",
    "For the second round of the GCM Regional Review, voluntary national reports by Member States will not be requested, although they are still welcome. Instead, Member States, stakeholders, and Network members may co-organize “GCM Talks” and other preparatory consultations as peer-learning exchanges to continue discussions on how best to implement the GCM and to highlight sector-specific or thematic priorities.",
    "Three GCM talks have already been held in the UNECE region to understand the priorities of stakeholders and Member States and to support the preparations:",
    # Two leading spaces make a sub-point (see Speaker.points).
    f"  {TALK_BLMA_POINT}",
    f"  {TALK_ALMATY_POINT}",
    f"  {TALK_CLIMATE_POINT}",
    "Stakeholders can submit requests to organise GCM talks here.",
    TWO_CONSULTATIONS_TEXT,
    "The thematic roundtables will be organized on the same basis as the four roundtables of the IMRF[^3]. For each thematic roundtable, a Member State speaker will start the discussion. Each discussion will include a stakeholder moderator and/or panelist.",
    OUTCOME_TEXT,
    RAPPORTEUR_TEXT,
    "Details of the registration process for stakeholders for the Multistakeholder consultation and the Regional Review will be shared in due time.",
)


# --- The pre-consultation's written record ------------------------------------------------

PRE_CONSULTATION_TITLE = "UNECE Stakeholder Pre-consultation on the Second Round of Regional Reviews of the Global Compact for Safe, Orderly and Regular Migration"

# The OVERVIEW without its attendance paragraph: the count of attendees and their sectors
# are computed from the registrations; the rest of that paragraph is the attendance note.
PRE_CONSULTATION_OVERVIEW = "\n\n".join(
    (
        "On 14 November 2023, the UN Network on Migration (Network) facilitated a pre-consultation virtual meeting for stakeholders[^1] from across the United Nations Economic Commission for Europe (UNECE) region on the second round of Regional Reviews of the Global Compact for Safe, Orderly, and Regular Migration (GCM). This first pre-consultation marks the beginning of a series of discussions with stakeholders in the UNECE region, which will contribute to the UNECE[^2] Regional Review meeting, scheduled to take place as a one-day meeting on 11 March 2024 at the Palais des Nations in Geneva, Switzerland.",
        "The purpose of this meeting was to facilitate discussion and information-sharing between the UN Network on Migration and stakeholders on the process ahead of the UNECE Regional Review and Multi-stakeholder meeting and to initiate thematic discussions pertaining to the GCM. Additionally, attention was given to the process of gathering input from stakeholders.",
        "This summary report outlines key points raised during the meeting.",
    )
)
PRE_CONSULTATION_ATTENDANCE_NOTE = "Additionally, members of the Network actively engaged in this meeting, with regional Network members from the UNECE region providing an overview of forthcoming developments related to the processes with Member States as well as specific entry points and planned activities with stakeholders."

FOOTNOTES = {
    1: "Pursuant to General Assembly Resolution 73/195, paragraph 44:\n\n“We will implement the Global Compact in cooperation and partnership with migrants, civil society, migrant and diaspora organizations, faith-based organizations, local authorities and communities, the private sector, trade unions, parliamentarians, National Human Rights Institutions, the International Red Cross and Red Crescent Movement, academia, the media and other relevant stakeholders”.",
    2: "Member States include the countries of Europe, but also countries in North America (Canada and United States), Central Asia (Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan) and Western Asia (Israel). UNECE, “Geographical Scope,” United Nations Economic Commission for Europe, https://unece.org/geographical-scope",
    3: "A/RES/73/326, para 21",
    4: 'United Nations Economic Commission for Europe. "Draft provisional for the second sessions." January 2024. https://migrationnetwork.un.org/system/files/docs/Draft%20provisional%20agenda_GCM%20Regional%20Review_approved.pdf',
}

SPEAKERS = (
    {
        "heading": SECTION_I_HEADING,
        "name": "Monami Maulik",
        "function": "Civil Society Liaison Officer, United Nations Network on Migration secretariat",
        "points": "\n".join(SECTION_I_POINTS),
    },
    {
        "heading": SECTION_II_HEADING,
        "name": "Amr Taha",
        "function": "Senior Regional Liaison and Policy Advisor, IOM Office for South-Eastern Europe, Eastern Europe and Central Asia",
        "points": "\n".join(SECTION_II_POINTS),
    },
)

# "Relevant documents and links": (group, title, url), in the report's order.
LINKS = (
    (
        "UN Network on Migration",
        'UN Network on Migration, "Civil society and stakeholders" page',
        "https://migrationnetwork.un.org/civil-society-and-stakeholders",
    ),
    (
        "UN Network on Migration",
        'UN Network on Migration, "per region" page',
        "https://migrationnetwork.un.org/country-and-regional-networks",
    ),
    (
        "UN Network on Migration",
        "Calendar of Events (regularly updated)",
        "https://migrationnetwork.un.org/calendar-events-2023",
    ),
    (
        "Regional Reviews",
        "GCM Regional Review Meeting Draft Concept Note and Agenda",
        "https://migrationnetwork.un.org/system/files/docs/2024-01-18%20Final%20Draft%20Concept%20Note%20and%20Agenda%20GCM%20RR%202024.pdf",
    ),
    (
        "Regional Reviews",
        "Roadmap Regional Review 2024-2025",
        "https://migrationnetwork.un.org/regional-reviews-2024",
    ),
    (
        "Regional Reviews",
        "Roadmap on Stakeholder Engagement in GCM Regional Review",
        "https://migrationnetwork.un.org/system/files/docs/Roadmap%20on%20Stakeholder%20engagement%20in%20the%20GCM%20Regional%20Reviews%202024%5B25%5D.pdf",
    ),
    (
        "Migration Network Hub",
        "Migration Network Hub",
        "https://migrationnetwork.un.org/hub",
    ),
    (
        "Migration Network Hub",
        "GCM Regional Review for UNECE Stakeholder Discussion Space",
        "https://migrationnetwork.un.org/hub/discussion-space/regional-reviews/content/europe-north-america-regional-review-stakeholder",
    ),
    (
        "Migration Network Hub",
        'Practice Repository on the Migration Network Hub – "Share a good practice"',
        "https://migrationnetwork.un.org/hub/repository-of-practices/about",
    ),
    (
        "GCM",
        "Global Compact for Migration (A/RES/73/195)",
        "https://migrationnetwork.un.org/global-compact-migration-follow-and-review",
    ),
    (
        "GCM",
        "GCM Talks",
        "https://migrationnetwork.un.org/gcmtalks",
    ),
    (
        "GCM",
        "Pledging initiative – Submission form",
        "https://migrationnetwork.un.org/submit-pledges",
    ),
)

CONTACTS = (
    {
        "heading": "UN Network on Migration Secretariat",
        "name": "Monami Maulik",
        "function": "Civil Society Liaison Officer, UN Network on Migration Secretariat",
        "email": "mmaulik@iom.int",
    },
    {
        "heading": "GCM Regional Reviews for UNECE region, Regional UN Network on Migration",
        "name": "",
        "function": "",
        "email": "GCMReviewsUNECE@iom.int",
    },
)

# The sectors the report lists for this meeting's 111 attendees, in its order.
ATTENDEE_SECTORS = (
    "migrants",
    "migrant-diaspora",
    "trade-unions",
    "faith-based",
    "private-sector",
    "local-authorities",
    "academia",
    "nhri",
    "red-cross",
)
ATTENDEE_COUNT = 111


# --- The other sessions of the roadmap ----------------------------------------------------

GLOBAL_CONSULTATION_TITLE = "Global Stakeholder Consultation on the second round of GCM Regional Reviews (Africa, UNECE, Latin America and the Caribbean)"

THEMATIC_JANUARY_DESCRIPTION = "A hybrid thematic consultation for the UNECE region will take place at the end of January 2024, coinciding with the UN Migration Week and the Network Annual Meeting. This consultation will specifically focus on roundtables clusters 1 and 2.\n\nThe primary objective of these upcoming pre-consultations is to shape the discussions of the four thematic roundtables during the Regional Review."
THEMATIC_FEBRUARY_DESCRIPTION = "In February, a second (online) thematic consultation on roundtable clusters 2 and 4 will follow.\n\nThe primary objective of these upcoming pre-consultations is to shape the discussions of the four thematic roundtables during the Regional Review."
MULTI_STAKEHOLDER_DESCRIPTION = "The multi-stakeholder consultation will take place on the morning of the Regional Review meeting on 11 March 2024.\n\nThe Rapporteur’s responsibilities will be to convey the outcomes of the multi-stakeholder consultation at the opening of the intergovernmental meeting."
REVIEW_MEETING_DESCRIPTION = f"{REVIEW_MEETING_TEXT}\n\n{OUTCOME_TEXT}"


# --- Translations of the history's titles -------------------------------------------------
# The report's English stays the original; these are the titles in the other five
# languages, by modeltranslation suffix, so that lists and calendars read in the page's
# language. Keyed by the English title.

GCM_NAME = {
    "ar": "الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية",
    "es": "Pacto Mundial para la Migración Segura, Ordenada y Regular",
    "fr": "Pacte mondial pour des migrations sûres, ordonnées et régulières",
    "ru": "Глобального договора о безопасной, упорядоченной и легальной миграции",
    "zh_hans": "《安全、有序和正常移民全球契约》",
}

TITLE_TRANSLATIONS = {
    REVIEW_TITLE: {
        "ar": f"الاستعراض الإقليمي لـ{GCM_NAME['ar']} في منطقة اللجنة الاقتصادية لأوروبا",
        "es": f"Examen Regional del {GCM_NAME['es']} en la región de la CEPE",
        "fr": f"Examen régional du {GCM_NAME['fr']} dans la région de la CEE",
        "ru": f"Региональный обзор {GCM_NAME['ru']} в регионе ЕЭК ООН",
        "zh_hans": f"欧洲经委会区域{GCM_NAME['zh_hans']}区域审查",
    },
    PRE_CONSULTATION_TITLE: {
        "ar": f"المشاورة التمهيدية لأصحاب المصلحة في منطقة اللجنة الاقتصادية لأوروبا بشأن الجولة الثانية من الاستعراضات الإقليمية لـ{GCM_NAME['ar']}",
        "es": f"Consulta previa con las partes interesadas de la CEPE sobre la segunda ronda de exámenes regionales del {GCM_NAME['es']}",
        "fr": f"Préconsultation des parties prenantes de la CEE sur le deuxième cycle d'examens régionaux du {GCM_NAME['fr']}",
        "ru": f"Предварительная консультация заинтересованных сторон ЕЭК ООН по второму раунду региональных обзоров {GCM_NAME['ru']}",
        "zh_hans": f"欧洲经委会利益攸关方关于{GCM_NAME['zh_hans']}第二轮区域审查的预备磋商",
    },
    GLOBAL_CONSULTATION_TITLE: {
        "ar": "المشاورة العالمية لأصحاب المصلحة بشأن الجولة الثانية من الاستعراضات الإقليمية للاتفاق العالمي من أجل الهجرة (أفريقيا، واللجنة الاقتصادية لأوروبا، وأمريكا اللاتينية ومنطقة البحر الكاريبي)",
        "es": "Consulta mundial de partes interesadas sobre la segunda ronda de exámenes regionales del Pacto Mundial para la Migración (África, CEPE, América Latina y el Caribe)",
        "fr": "Consultation mondiale des parties prenantes sur le deuxième cycle d'examens régionaux du Pacte mondial sur les migrations (Afrique, CEE, Amérique latine et Caraïbes)",
        "ru": "Глобальная консультация заинтересованных сторон по второму раунду региональных обзоров ГДМ (Африка, ЕЭК ООН, Латинская Америка и Карибский бассейн)",
        "zh_hans": "关于全球移民契约第二轮区域审查的全球利益攸关方磋商（非洲、欧洲经委会、拉丁美洲和加勒比）",
    },
    "UNECE thematic consultation on roundtable clusters 1 and 2": {
        "ar": "المشاورة المواضيعية في منطقة اللجنة الاقتصادية لأوروبا بشأن مجموعتي الموائد المستديرة 1 و2",
        "es": "Consulta temática de la CEPE sobre los grupos de mesas redondas 1 y 2",
        "fr": "Consultation thématique de la CEE sur les groupes de tables rondes 1 et 2",
        "ru": "Тематическая консультация ЕЭК ООН по кластерам круглых столов 1 и 2",
        "zh_hans": "欧洲经委会关于第1和第2组圆桌会议的专题磋商",
    },
    "UNECE thematic consultation on roundtable clusters 2 and 4": {
        "ar": "المشاورة المواضيعية في منطقة اللجنة الاقتصادية لأوروبا بشأن مجموعتي الموائد المستديرة 2 و4",
        "es": "Consulta temática de la CEPE sobre los grupos de mesas redondas 2 y 4",
        "fr": "Consultation thématique de la CEE sur les groupes de tables rondes 2 et 4",
        "ru": "Тематическая консультация ЕЭК ООН по кластерам круглых столов 2 и 4",
        "zh_hans": "欧洲经委会关于第2和第4组圆桌会议的专题磋商",
    },
    "UNECE multi-stakeholder consultation ahead of the Regional Review meeting": {
        "ar": "مشاورة أصحاب المصلحة المتعددين في منطقة اللجنة الاقتصادية لأوروبا قبل اجتماع الاستعراض الإقليمي",
        "es": "Consulta de múltiples partes interesadas de la CEPE previa a la reunión del Examen Regional",
        "fr": "Consultation multipartite de la CEE en amont de la réunion d'examen régional",
        "ru": "Многосторонняя консультация ЕЭК ООН перед совещанием по региональному обзору",
        "zh_hans": "欧洲经委会区域审查会议前的多利益攸关方磋商",
    },
    TALK_BLMA_TITLE: {
        "ar": "الممارسات الجيدة والتحديات والثغرات في اتفاقات هجرة اليد العاملة الثنائية، بما في ذلك شراكات تنقل المهارات",
        "es": "Buenas prácticas, desafíos y lagunas en los acuerdos bilaterales de migración laboral, incluidas las asociaciones de movilidad de competencias",
        "fr": "Bonnes pratiques, défis et lacunes des accords bilatéraux de migration de main-d'œuvre, y compris les partenariats pour la mobilité des compétences",
        "ru": "Передовая практика, проблемы и пробелы двусторонних соглашений о трудовой миграции, включая партнерства по мобильности квалифицированных кадров",
        "zh_hans": "双边劳工移民协定（包括技能流动伙伴关系）的良好做法、挑战和差距",
    },
    TALK_ALMATY_TITLE: {
        "ar": "الاستفادة من التنقل البشري للنهوض بالتعاون الإقليمي وتنمية مجتمعاتنا",
        "es": "Aprovechar la movilidad humana para avanzar en la cooperación regional y el desarrollo de nuestras sociedades",
        "fr": "Tirer parti de la mobilité humaine pour faire progresser la coopération régionale et le développement de nos sociétés",
        "ru": "Использование человеческой мобильности для развития регионального сотрудничества и наших обществ",
        "zh_hans": "利用人员流动促进区域合作和我们社会的发展",
    },
    TALK_CLIMATE_TITLE: {
        "ar": "الهجرة والتكيف في سياق تغير المناخ",
        "es": "Migración y adaptación en el contexto del cambio climático",
        "fr": "Migrations et adaptation dans le contexte des changements climatiques",
        "ru": "Миграция и адаптация в контексте изменения климата",
        "zh_hans": "气候变化背景下的移民与适应",
    },
}


def _title_columns(title: str) -> dict[str, str]:
    """The other languages' title columns of one English title of the history."""
    return {f"title_{lang}": text for lang, text in TITLE_TRANSLATIONS[title].items()}


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """An aware datetime, Geneva time (zoneinfo resolves CET/CEST for the date)."""
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=ZURICH)


def _sessions() -> dict[str, dict]:
    """Every session of the roadmap, by slug: the fields written on it."""
    oct_31 = dt.date(2023, 10, 31)
    nov_14 = dt.date(2023, 11, 14)
    jan_31 = dt.date(2024, 1, 31)
    feb_20 = dt.date(2024, 2, 20)
    mar_11 = dt.date(2024, 3, 11)
    return {
        "global-stakeholder-consultation-2023-10-31": {
            "kind": SessionKind.GLOBAL,
            "format": SessionFormat.ONLINE,
            "title": GLOBAL_CONSULTATION_TITLE,
            "description": SECTION_I_POINTS[0],
            # The report gives the date only; 14:00-16:00 is a placeholder.
            "starts_at": _at(oct_31, 14),
            "ends_at": _at(oct_31, 16),
        },
        PRE_CONSULTATION_SLUG: {
            "kind": SessionKind.PRE_CONSULTATION,
            "format": SessionFormat.ONLINE,
            "platform": "Zoom",
            "title": PRE_CONSULTATION_TITLE,
            "starts_at": _at(nov_14, 11),
            "ends_at": _at(nov_14, 12, 30),
            "overview": PRE_CONSULTATION_OVERVIEW,
            "attendance_note": PRE_CONSULTATION_ATTENDANCE_NOTE,
            # The report gives a total and a list of sectors, no breakdown.
            "declared_attendance": ATTENDEE_COUNT,
            # Section III opens with this sentence; footnote 4 cites the draft agenda.
            "roundtables_intro": "The Roundtable discussions will focus on[^4]:",
        },
        THEMATIC_JANUARY_SLUG: {
            "kind": SessionKind.THEMATIC,
            "format": SessionFormat.HYBRID,
            "venue": GENEVA_VENUE,
            "platform": "Zoom",
            "title": "UNECE thematic consultation on roundtable clusters 1 and 2",
            "description": THEMATIC_JANUARY_DESCRIPTION,
            # The report says only "end of January 2024, coinciding with the UN Migration
            # Week and the Network Annual Meeting": 31 January 14:00-17:00 is a placeholder.
            "starts_at": _at(jan_31, 14),
            "ends_at": _at(jan_31, 17),
            "capacity_in_person": 60,
            "capacity_online": 300,
            "languages": ["en", "fr", "ru"],
            "interpretation": ["fr", "ru"],
        },
        THEMATIC_FEBRUARY_SLUG: {
            "kind": SessionKind.THEMATIC,
            "format": SessionFormat.ONLINE,
            "platform": "Zoom",
            "title": "UNECE thematic consultation on roundtable clusters 2 and 4",
            "description": THEMATIC_FEBRUARY_DESCRIPTION,
            # The report says only "In February": 20 February 14:00-16:00 is a placeholder.
            "starts_at": _at(feb_20, 14),
            "ends_at": _at(feb_20, 16),
        },
        MULTI_STAKEHOLDER_SLUG: {
            "kind": SessionKind.MULTI_STAKEHOLDER,
            "format": SessionFormat.HYBRID,
            "venue": GENEVA_VENUE,
            "title": "UNECE multi-stakeholder consultation ahead of the Regional Review meeting",
            "description": MULTI_STAKEHOLDER_DESCRIPTION,
            # "On the morning of the Regional Review meeting": the hours are placeholders.
            "starts_at": _at(mar_11, 8, 30),
            "ends_at": _at(mar_11, 10),
            "capacity_in_person": 150,
        },
        REVIEW_MEETING_SLUG: {
            "kind": SessionKind.REVIEW_MEETING,
            "format": SessionFormat.HYBRID,
            "venue": GENEVA_VENUE,
            "title": REVIEW_TITLE,
            "description": REVIEW_MEETING_DESCRIPTION,
            # "A one-day meeting": the hours are placeholders.
            "starts_at": _at(mar_11, 10),
            "ends_at": _at(mar_11, 18),
        },
        # The three GCM Talks held before the pre-consultation. The report dates none of
        # them: the dates and 10:00-12:00 are placeholders, chosen before 14 November 2023.
        "gcm-talk-blma-smp": {
            "kind": SessionKind.GCM_TALK,
            "format": SessionFormat.ONLINE,
            "title": TALK_BLMA_TITLE,
            "organisers": "Kingdom of Morocco together with GCM Champion countries, with the support of IOM",
            "summary": "Discussions encouraged the exchange of ideas, identifying key challenges or issues that require attention, and helped initiating pledges and identifying practices for inclusion on the Migration Network Hub.",
            "starts_at": _at(dt.date(2023, 6, 20), 10),
            "ends_at": _at(dt.date(2023, 6, 20), 12),
        },
        "gcm-talk-human-mobility-regional-cooperation": {
            "kind": SessionKind.GCM_TALK,
            "format": SessionFormat.IN_PERSON,
            "venue": "Almaty Process Senior Officials Meeting",
            "title": TALK_ALMATY_TITLE,
            # The report does not say who organised it.
            "organisers": "",
            "summary": "The GCM Talk took place back-to-back with the Almaty Process’ Senior Officials Meeting and saw the participation of Member States, UN agencies, and civil society and stakeholder representatives.",
            "starts_at": _at(dt.date(2023, 9, 14), 10),
            "ends_at": _at(dt.date(2023, 9, 14), 12),
        },
        "gcm-talk-migration-climate-adaptation": {
            "kind": SessionKind.GCM_TALK,
            "format": SessionFormat.ONLINE,
            "title": TALK_CLIMATE_TITLE,
            "organisers": "United Kingdom’s Foreign, Commonwealth and Development Office (FCDO) and IOM UK",
            "summary": "Stakeholder groups based in the United Kingdom took part. Speakers explored ways in which migrants can be part of the solution to climate change if included in adaptation, planning, implementation, and monitoring.",
            "starts_at": _at(dt.date(2023, 10, 10), 10),
            "ends_at": _at(dt.date(2023, 10, 10), 12),
        },
    }


def _load_attendees(*, session: Session) -> int:
    """Synthetic stand-ins for the 111 organisations the report says attended.

    The report gives a count and a list of sectors, not names; these accounts exist only
    so that attendance counts and sector/country charts of the pre-consultation have
    data. Sectors cycle over the nine sectors the report lists for the meeting and
    countries over the UNECE member States in code order, so the spread is deterministic.
    Nobody can sign in as them: their password is unusable.
    """
    user_model = get_user_model()
    sectors = [Sector.objects.get(code=code) for code in ATTENDEE_SECTORS]
    countries = list(
        MemberState.objects.filter(region__code="unece")
        .order_by("country")
        .values_list("country", flat=True)
    )
    for index in range(ATTENDEE_COUNT):
        number = f"{index + 1:03d}"
        sector = sectors[index % len(sectors)]
        country = countries[index % len(countries)]
        user, _created = user_model.objects.update_or_create(
            email=f"demo-participant-{number}@example.org",
            defaults={"name": f"Demo participant {number}", "language": "en"},
            # Only on creation: make_password(None) is random, so re-setting it on every
            # run would change the row each time.
            create_defaults={
                "name": f"Demo participant {number}",
                "language": "en",
                "password": make_password(None),
            },
        )
        organisation, _created = Organisation.objects.update_or_create(
            name=f"Demo organisation {number} (synthetic)",
            defaults={"sector": sector, "country": country, "created_by": user},
        )
        Profile.objects.update_or_create(
            user=user,
            defaults={"organisation": organisation, "sector": sector, "country": country},
        )
        Registration.objects.update_or_create(
            session=session,
            user=user,
            defaults={
                "mode": Mode.ONLINE,
                "status": RegistrationStatus.CONFIRMED,
                "attendance": Attendance.ATTENDED,
            },
        )
    return ATTENDEE_COUNT


def _load_record(*, session: Session) -> dict[str, int]:
    """The pre-consultation's summary report: speakers, footnotes, links and contacts."""
    for position, speaker in enumerate(SPEAKERS, start=1):
        Speaker.objects.update_or_create(session=session, position=position, defaults=speaker)
    for number, text in FOOTNOTES.items():
        Footnote.objects.update_or_create(session=session, number=number, defaults={"text": text})
    for position, (group, title, url) in enumerate(LINKS, start=1):
        SessionLink.objects.update_or_create(
            session=session,
            position=position,
            defaults={"group": group, "title": title, "url": url},
        )
    for position, contact in enumerate(CONTACTS, start=1):
        SessionContact.objects.update_or_create(
            session=session, position=position, defaults=contact
        )
    return {
        "speakers": len(SPEAKERS),
        "footnotes": len(FOOTNOTES),
        "links": len(LINKS),
        "contacts": len(CONTACTS),
    }


def load() -> dict[str, int]:
    """Create or update the UNECE 2024 review, its sessions and the pre-consultation's
    record and attendance. Returns how many rows of each kind it wrote."""
    # Plain field names write the active language's column: make that English.
    with translation.override("en"):
        review, _created = RegionalReview.objects.update_or_create(
            slug=REVIEW_SLUG,
            defaults={
                "title": REVIEW_TITLE,
                **_title_columns(REVIEW_TITLE),
                "region": Region.objects.get(code="unece"),
                "meeting_date": dt.date(2024, 3, 11),
                "venue": "Palais des Nations",
                "city": "Geneva",
                "country": "CH",
                "time_zone": TIME_ZONE,
                "description": REVIEW_DESCRIPTION,
                "inputs_deadline": _at(dt.date(2024, 2, 29), 23, 59),
            },
        )
        sessions = {}
        for slug, fields in _sessions().items():
            sessions[slug], _created = Session.objects.update_or_create(
                slug=slug,
                defaults={
                    "review": review,
                    # All of them took place before the demo's "today".
                    "status": SessionStatus.HELD,
                    "time_zone": TIME_ZONE,
                    **fields,
                    **_title_columns(fields["title"]),
                },
            )
        pre_consultation = sessions[PRE_CONSULTATION_SLUG]
        pre_consultation.declared_sectors.set(Sector.objects.filter(code__in=ATTENDEE_SECTORS))
        counts = _load_record(session=pre_consultation)
        attendees = _load_attendees(session=pre_consultation)
    return {
        "reviews": 1,
        "sessions": len(sessions),
        **counts,
        "users": attendees,
        "organisations": attendees,
        "profiles": attendees,
        "registrations": attendees,
    }
