"""Demo data: the roundtables, stakeholder inputs and Rapporteur call of the UNECE Regional
Review 2024, from section III of the pre-consultation's summary report
(shared/domain/unece-preconsultation-summary-2023-11-14.md).

Run after ``consultations.demo.load()``: it looks up the review and sessions that loader
writes. Idempotent like it: every row is keyed and written with ``update_or_create``.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import translation

from consultations.demo import (
    PRE_CONSULTATION_SLUG,
    REVIEW_SLUG,
    THEMATIC_FEBRUARY_SLUG,
    THEMATIC_JANUARY_SLUG,
)
from consultations.models import RegionalReview, Session
from gcm.models import Objective
from roundtables.demo.example_texts import CRITERIA as CRITERIA_IN_SIX_LANGUAGES
from roundtables.demo.example_texts import columns
from roundtables.enums import InputStatus, InputType
from roundtables.models import Criterion, RapporteurCall, Roundtable, StakeholderInput

TIME_ZONE = "Europe/Zurich"

# The clusters as the report gives them. Objective 21 is in none: that is the source's
# gap, loaded as given so that the coverage check has something to show.
ROUNDTABLE_OBJECTIVES = {
    1: (2, 5, 6, 12, 18),
    2: (4, 8, 9, 10, 11, 13),
    3: (14, 15, 16, 19, 20, 22),
    4: (1, 3, 7, 17, 23),
}
# Which thematic consultation covers which clusters ("clusters 1 and 2" in January,
# "clusters 2 and 4" in February).
ROUNDTABLE_CONSULTATIONS = {
    1: (THEMATIC_JANUARY_SLUG,),
    2: (THEMATIC_JANUARY_SLUG, THEMATIC_FEBRUARY_SLUG),
    3: (),
    4: (THEMATIC_FEBRUARY_SLUG,),
}

# "Summary of key priorities and recommendations from stakeholders on content":
# (title of our own, text verbatim, objectives the text names unmistakably).
CONTENT_INPUTS = (
    (
        "Assess progress and regression in GCM implementation since the IMRF",
        "Stakeholders recommended including an assessment of progress and regression in the implementation of the GCM since the IMRF. This suggestion was made as a result of the need to concretely analyse government policies, including specific practices. This analysis would include the importance of capturing nuances of migration policies and paying attention to the reasons for progress, stagnation, and regression, including changes to legislation and funding structures. For example, it was suggested to review the Single Permit Directive to break the dependency on exploitative employers.",
        (),
    ),
    (
        "Whole-of-society approach and migrant voices in policy setting",
        "Stakeholders reiterated the importance of a whole-of-society approach, with an emphasis on meaningful participation and engagement for all relevant stakeholders, including those with lived experiences, expertise, and leadership. There was specific emphasis on migrant, diaspora and local communities’ voices participation in policy setting.",
        (),
    ),
    (
        "Migration budgets: rescue at sea, integration and combating xenophobia",
        "Stakeholders stressed the importance of assessing government budgets related to migration, including a recent decrease for funding supporting rescues at sea, and the need to increase funding to support integration and combating xenophobia.",
        # Rescues at sea (8), integration (16), xenophobia (17).
        (8, 16, 17),
    ),
    (
        "EU screening directive, child immigration detention and its alternatives",
        "Recommendations were raised to consider the impact of the screening directive on racial profiling and child immigration detention within the context of the European Union (EU) New Pact on Migration and Asylum. Additionally, stakeholders highlighted the need to address alternatives to immigration detention.",
        # Screening (12), detention and its alternatives (13), racial profiling (17).
        (12, 13, 17),
    ),
    (
        "EU proposals on reporting undocumented migrants, profiling, criminalization",
        "Stakeholders also stressed the importance of addressing EU legislative proposals that align with GCM objectives such as EU positions on reporting undocumented migrants for accessing services and related increased profiling by the police. Examining the issue of increased criminalization of migrants was stressed.",
        # Reporting migrants who access services (15), profiling by the police (17).
        (15, 17),
    ),
    (
        "Agenda items: saving lives, access to social services, migrant participation",
        "Stakeholders proposed three main agenda items for the Regional Review meeting: saving lives, ensuring access to social services for all migrants irrespective of status, and involving migrants in decision-making processes.",
        # Saving lives (8), access to social services (15).
        (8, 15),
    ),
    (
        "Recruitment of migrant workers into the care economy; social dialogue",
        "Regarding labor migration, stakeholders in the UNECE region stressed the relevance of thinking about the increasing recruitment of migrant workers into the care economy. They called for more inclusion of trade unions in discussions and a stronger social dialogue between governments and other stakeholders.",
        # Recruitment of migrant workers (6).
        (6,),
    ),
    (
        "Civil society networks monitoring GCM implementation in Spain and Greece",
        "Stakeholders mentioned the development of a civil society network in Spain and Greece monitoring government progress on GCM implementation and provided examples.",
        (),
    ),
)

# "Summary of key priorities, recommendations, and questions from stakeholders on process
# and outcomes": (title of our own, text verbatim). None names an objective.
PROCESS_INPUTS = (
    (
        "An ambitious, human rights-based agenda for the Regional Review",
        "Stakeholders emphasized that the importance of a successful Regional Review would be achieved by aiming to set an ambitious agenda for using the GCM to reduce the human costs of current migration policies. This includes incentivizing and driving a human rights-based implementation of the GCM in a sustainable way, along with expanding the space for meaningful migrant participation in policy, development, and Reviews.",
    ),
    (
        "Online and hybrid consultations for those who can travel little",
        "Stakeholders echoed the benefits of optimizing online and hybrid consultations to allow for democratic participation, particularly by many stakeholders who can undertake little travel, also due to limited funding availability.",
    ),
    (
        "EU States to showcase successful practices and civil society space",
        "Recognizing national and EU-level practices, stakeholders saw an opportunity for EU States to showcase successful practices. The region's active championing of civil society space and participation at the multilateral level can set a high ambition for the Regional Review, potentially serving as a model for other regions.",
    ),
    (
        "Deliver outcomes at the multi-stakeholder consultation; multilingual roadmap",
        "Stakeholders viewed the multi-stakeholder consultation immediately preceding the Regional Review meeting as an opportunity to deliver key outcomes to Member States. The main discussion time would be during the two planned thematic cluster consultations prior. To facilitate meaningful engagement, a clear roadmap with information and timelines in multiple languages is essential for both oral and written contributions.",
    ),
    (
        "Multi-stakeholder consultation in the Review's room, as a hybrid event",
        "To ensure meaningful engagement by Member States, stakeholders advocated for the Multi-stakeholder consultation to take place in the same room in the Palais des Nations as the Review meeting. Additionally, they stressed the importance of a hybrid event to accommodate diverse migration experiences and expertise, acknowledging that not everyone could travel.",
    ),
    (
        "Stakeholders as chairs, panelists and speakers, besides the rapporteur",
        "Stakeholders emphasized that, in addition to the rapporteur, there should be space for other civil society and stakeholders to participate as chairs, panelists, and speakers from the floor during the review.",
    ),
    (
        "Participation beyond ECOSOC accreditation",
        "Stakeholders highlighted the need to broaden participation beyond those with ECOSOC accreditation, reflecting on the success of online participation during the COVID-19 pandemic in the first round of Regional Reviews and Network events. They called for removing limitations on participation, including through hybrid options, to maintain the inclusivity observed during online processes.",
    ),
    (
        "Questions on the format: no voluntary national reports, GCM Talks instead",
        "Questions arose about the format, particularly regarding the absence of voluntary national reports by Member States. Stakeholders sought clarity on what Member States were expected to report and how the focus on regional reporting would be implemented, influencing discussions at the national level. ECE regional Network representatives emphasized the need to build more ongoing collaborative work among Member States and stakeholders in the European region, and clarified that while Member States will not be requested to submit reports – while these remain welcome – Member States will be encouraged to organise GCM Talks and other preparatory consultations as peer-learning exchanges to continue discussions on how best to implement the GCM and to highlight sector-specific or thematic priorities. GCM Talks are expected to produce summary reports, which will not only feed into the discussion at the Review itself, but will also be considered in the drafting of the Regional Review's outcome report.",
    ),
    (
        "The Regional Review as an ongoing process, not a culmination event",
        # "11 March 2023" is the report's own text (the meeting was in 2024).
        "Advocating for a continuous process beyond 11 March 2023, stakeholders supported the idea of viewing the Regional Review as an ongoing process rather than a culmination event.",
    ),
    (
        "Linked events around online consultations, as at the Global Refugee Forum",
        "Stakeholders suggested exploring the possibility of organizing linked events around online consultations, in a format similar to the Global Refugee Forum, emphasizing the importance of additional discussions alongside GCM Talks.",
    ),
)

CALL_SLUG = "unece-2024-rapporteur"
CALL_TITLE = (
    "Call for expressions of interest: stakeholder Rapporteur for the UNECE Regional Review"
)
CALL_DESCRIPTION = "\n\n".join(
    (
        "An open call for expressions of interest for the stakeholder Rapporteur of the Regional Review of the Global Compact for Safe, Orderly and Regular Migration in the UNECE region, on 11 March 2024 at the Palais des Nations in Geneva.",
        "The Rapporteur’s responsibilities will be to convey the outcomes of the multi-stakeholder consultation at the opening of the intergovernmental meeting.",
        "The selection process will be conducted by the Network, considering expressions of interest received, and with due regard to geographic and gender balance, ensuring representation by all relevant stakeholders.",
    )
)
CALL_ELIGIBILITY = "\n\n".join(
    (
        "The call is open to all relevant stakeholders of the UNECE region. Migrant voices speakers are encouraged to apply.",
        "Selection is made with due regard to geographic and gender balance, ensuring representation by all relevant stakeholders.",
    )
)
CRITERIA = (
    "Experience of the GCM and its review process",
    "Ability to convey stakeholder views",
    "Lived experience of migration or work with migrant communities",
    "Communication skills in the working languages",
)
# The example's criteria are the same four, translated: by English name.
CRITERION_TEXTS = {text["en"]: text for text in CRITERIA_IN_SIX_LANGUAGES}


# The titles in the other five languages (the report's English stays the original).
ROUNDTABLE_TITLE = {
    "ar": "المائدة المستديرة {number}",
    "es": "Mesa redonda {number}",
    "fr": "Table ronde {number}",
    "ru": "Круглый стол {number}",
    "zh_hans": "圆桌会议{number}",
}
CALL_TITLE_TRANSLATIONS = {
    "ar": "دعوة لإبداء الاهتمام: مقرر أصحاب المصلحة للاستعراض الإقليمي في منطقة اللجنة الاقتصادية لأوروبا",
    "es": "Convocatoria de manifestaciones de interés: relator o relatora de las partes interesadas para el Examen Regional de la CEPE",
    "fr": "Appel à manifestation d'intérêt : rapporteur des parties prenantes pour l'examen régional de la CEE",
    "ru": "Призыв к выражению заинтересованности: докладчик от заинтересованных сторон для регионального обзора ЕЭК ООН",
    "zh_hans": "意向征集：欧洲经委会区域审查利益攸关方报告员",
}


def _objectives(numbers: tuple[int, ...]) -> list[Objective]:
    found = list(Objective.objects.filter(number__in=numbers))
    if len(found) != len(numbers):
        raise Objective.DoesNotExist(
            f"GCM objectives {sorted(numbers)} are not all loaded: run the gcm migrations."
        )
    return found


# The report says only that the call "will be initiated" after the pre-consultation: the
# window is a placeholder, closed before the Regional Review meeting of 11 March 2024. It
# is fixed, so that the history never moves; the open call to try applying to is the
# example's (roundtables.demo.example).
CALL_OPENS_AT = dt.datetime(2024, 1, 15, 9, 0, tzinfo=ZoneInfo(TIME_ZONE))
CALL_DEADLINE = dt.datetime(2024, 2, 9, 23, 59, tzinfo=ZoneInfo(TIME_ZONE))


def _load_inputs(*, review: RegionalReview, session: Session) -> int:
    rows = [
        (InputType.CONTENT, position, title, text, numbers)
        for position, (title, text, numbers) in enumerate(CONTENT_INPUTS, start=1)
    ] + [
        (InputType.PROCESS, position, title, text, ())
        for position, (title, text) in enumerate(PROCESS_INPUTS, start=1)
    ]
    for input_type, position, title, text, numbers in rows:
        stakeholder_input, _created = StakeholderInput.objects.update_or_create(
            review=review,
            source_session=session,
            input_type=input_type,
            position=position,
            defaults={
                "title": title,
                "text": text,
                "language": "en",
                # Oral inputs summarised by the report: no author account.
                "attributed_to": "Stakeholders",
                "status": InputStatus.ACCEPTED,
                "publish_consent": True,
            },
        )
        stakeholder_input.objectives.set(_objectives(numbers))
    return len(rows)


def load() -> dict[str, int]:
    """Create or update the roundtables, inputs and Rapporteur call of the UNECE 2024
    review. Returns how many rows of each kind it wrote."""
    # Plain field names write the active language's column: make that English.
    with translation.override("en"):
        review = RegionalReview.objects.get(slug=REVIEW_SLUG)
        sessions = {session.slug: session for session in review.sessions.all()}

        # No Member State speakers or moderators: the report names none.
        for number, objective_numbers in ROUNDTABLE_OBJECTIVES.items():
            roundtable, _created = Roundtable.objects.update_or_create(
                review=review,
                number=number,
                defaults={
                    "title": f"Roundtable {number}",
                    **{
                        f"title_{lang}": title.format(number=number)
                        for lang, title in ROUNDTABLE_TITLE.items()
                    },
                },
            )
            roundtable.objectives.set(_objectives(objective_numbers))
            roundtable.consultations.set(
                [sessions[slug] for slug in ROUNDTABLE_CONSULTATIONS[number]]
            )

        inputs = _load_inputs(review=review, session=sessions[PRE_CONSULTATION_SLUG])

        call, _created = RapporteurCall.objects.update_or_create(
            slug=CALL_SLUG,
            defaults={
                "review": review,
                "title": CALL_TITLE,
                **{f"title_{lang}": title for lang, title in CALL_TITLE_TRANSLATIONS.items()},
                "description": CALL_DESCRIPTION,
                "eligibility": CALL_ELIGIBILITY,
                "opens_at": CALL_OPENS_AT,
                "deadline": CALL_DEADLINE,
                "time_zone": TIME_ZONE,
                "is_published": True,
            },
        )
        for position, name in enumerate(CRITERIA, start=1):
            Criterion.objects.update_or_create(
                call=call, position=position, defaults=columns("name", CRITERION_TEXTS[name])
            )

    return {
        "roundtables": len(ROUNDTABLE_OBJECTIVES),
        "inputs": inputs,
        "rapporteur_calls": 1,
        "criteria": len(CRITERIA),
    }
