"""The texts of the example review (ESCAP, next round), in the six languages.

Each text is a dict keyed by modeltranslation's language suffix ("en", "ar", "es", "fr",
"ru", "zh_hans"). The example is ours, not the source report's: every sentence here says
or implies that it is an example, and none claims to report a real meeting.
"""

LANGUAGES = ("en", "ar", "es", "fr", "ru", "zh_hans")


def columns(field: str, text: dict[str, str]) -> dict[str, str]:
    """{"title_en": ..., "title_ar": ...}: every language's column, "" where a
    translation is missing, so that reloading drops a translation that was removed."""
    return {f"{field}_{language}": text.get(language, "") for language in LANGUAGES}


REVIEW_TITLE = {
    "en": "Example of the next round: Regional Review of the Global Compact for Migration in Asia and the Pacific",
}
REVIEW_VENUE = {"en": "United Nations Conference Centre"}
REVIEW_DESCRIPTION = {
    "en": "This is an example, loaded with the demo so that every step of a round can be tried: its dates follow the day the demo was loaded, and its participants, organisations and inputs are synthetic.\n\nThe Regional Review meeting for Asia and the Pacific takes place at the United Nations Conference Centre in Bangkok, preceded by a multi-stakeholder consultation. Stakeholders can register for the consultations, apply to be the stakeholder Rapporteur and send written inputs.",
}

SESSIONS = {
    "global": {
        "title": {
            "en": "Example: global stakeholder consultation on the next round of Regional Reviews",
        },
        "description": {
            "en": "The global consultation that opens the next round of Regional Reviews in all five regions (example).",
        },
        "summary": {
            "en": "Stakeholders from all five regions discussed how to take part in the next round of Regional Reviews (example summary).\n\nThey asked for an early roadmap, online participation at every step and interpretation into the languages of each region.",
        },
    },
    "talk": {
        "title": {
            "en": "Example GCM Talk: fair recruitment along Asian labour migration corridors"
        },
        "organisers": {"en": "A synthetic network of migrant workers' organisations, with IOM"},
        "summary": {
            "en": "Migrant workers, recruiters and trade unions compared practices that end recruitment fees paid by workers (example summary).\n\nParticipants recommended that States publish the fees they allow and the complaints they receive.",
        },
    },
    "thematic-held": {
        "title": {"en": "Example: online thematic consultation on roundtable clusters 1 and 2"},
        "description": {
            "en": "An online consultation on regular pathways, decent work, saving lives, border management and return (example).",
        },
        "summary": {
            "en": "Participants from all sub-regions of Asia and the Pacific discussed roundtable clusters 1 and 2 (example summary).\n\nThey stressed regular pathways for workers in care and construction, search and rescue in the Andaman Sea and the Bay of Bengal, and reintegration support that reaches women returning home.",
        },
    },
    "pre-consultation": {
        "title": {"en": "Example: online stakeholder pre-consultation for Asia and the Pacific"},
        "description": {
            "en": "The first step of the round in the region: the roadmap, the roundtables and how to send inputs (example). At least twelve weeks before the Regional Review meeting.",
        },
    },
    "hybrid": {
        "title": {"en": "Example: hybrid thematic consultation on roundtable clusters 3 and 4"},
        "description": {
            "en": "A hybrid consultation in Bangkok and online on the protection and inclusion of migrants, data and international cooperation (example). In-person participants give their identity document details for access to the United Nations Conference Centre.",
        },
        "venue": {"en": "United Nations Conference Centre, Bangkok"},
    },
    "multi-stakeholder": {
        "title": {
            "en": "Example: multi-stakeholder consultation ahead of the Regional Review meeting"
        },
        "description": {
            "en": "The day before the Regional Review meeting, stakeholders agree on the messages the Rapporteur will convey (example).",
        },
        "venue": {"en": "United Nations Conference Centre, Bangkok"},
    },
    "review-meeting": {
        "title": {"en": "Example: Regional Review meeting for Asia and the Pacific"},
        "description": {
            "en": "The intergovernmental meeting, with four thematic roundtables, each opened by a Member State speaker (example).",
        },
        "venue": {"en": "United Nations Conference Centre, Bangkok"},
    },
}

ROUNDTABLES = {
    1: {
        "title": {"en": "Roundtable 1: regular pathways, decent work and skills"},
        "description": {
            "en": "Objectives 2, 5, 6, 12 and 18, as at the International Migration Review Forum.",
        },
    },
    2: {
        "title": {"en": "Roundtable 2: saving lives, borders, detention and return"},
        "description": {
            "en": "Objectives 4, 8, 9, 10, 11, 13 and 21, as at the International Migration Review Forum.",
        },
    },
    3: {
        "title": {"en": "Roundtable 3: protection, services and inclusion"},
        "description": {
            "en": "Objectives 14, 15, 16, 19, 20 and 22, as at the International Migration Review Forum.",
        },
    },
    4: {
        "title": {"en": "Roundtable 4: data, information, public discourse and cooperation"},
        "description": {
            "en": "Objectives 1, 3, 7, 17 and 23, as at the International Migration Review Forum.",
        },
    },
}

CALL_TITLE = {
    "en": "Example call for expressions of interest: stakeholder Rapporteur for Asia and the Pacific",
}
CALL_DESCRIPTION = {
    "en": "An open call for expressions of interest for the stakeholder Rapporteur of the example Regional Review for Asia and the Pacific.\n\nThe Rapporteur conveys the outcomes of the multi-stakeholder consultation at the opening of the intergovernmental meeting.",
}
CALL_ELIGIBILITY = {
    "en": "Open to all relevant stakeholders of Asia and the Pacific; migrant voices are encouraged to apply. Selection is made with due regard to geographic and gender balance.",
}
CRITERIA = (
    {"en": "Experience of the GCM and its review process"},
    {"en": "Ability to convey stakeholder views"},
    {"en": "Lived experience of migration or work with migrant communities"},
    {"en": "Communication skills in the working languages"},
)

# Key messages: (roundtable number or None for general, text).
KEY_MESSAGES = (
    (
        1,
        {
            "en": "Open regular pathways for workers in care, construction and agriculture, with portable social protection."
        },
    ),
    (
        1,
        {
            "en": "End recruitment fees paid by workers and publish the fees recruiters may charge employers."
        },
    ),
    (
        2,
        {
            "en": "Coordinate search and rescue at sea between the States of the Bay of Bengal and the Andaman Sea."
        },
    ),
    (2, {"en": "Support reintegration that reaches women and children returning home."}),
    (3, {"en": "Give every migrant access to health care and schooling, whatever their status."}),
    (3, {"en": "Recognise skills and qualifications across the region."}),
    (4, {"en": "Collect data by sex, age and migration status, and publish it."}),
    (4, {"en": "Counter xenophobia with facts and the voices of migrants themselves."}),
    (None, {"en": "Keep online and hybrid participation at every step of the review."}),
    (
        None,
        {"en": "Include migrants and their organisations in national GCM implementation plans."},
    ),
)

REPORT_INTRODUCTION = {
    "en": "This example outcome report shows what the non-negotiated outcome report of a Regional Review for Asia and the Pacific brings together: the key messages of the four roundtables and where each comes from, the summaries of the consultations and GCM Talks, and who took part. Its data is synthetic.",
}
REPORT_RAPPORTEUR_FUNCTION = {"en": "Stakeholder Rapporteur (example)"}
REPORT_RAPPORTEUR_PRESENTATION = {
    "en": "The Rapporteur conveyed the outcomes of the multi-stakeholder consultation at the opening of the meeting: regular pathways and fair recruitment, saving lives at sea, access to services whatever one's status, and the participation of migrants at every step of the review (example).",
}
REPORT_CONCLUSIONS = {
    "en": "Stakeholders will follow up the key messages in the national implementation of the Global Compact and in the discussion space of the region on the Migration Network Hub (example).",
}
REPORT_INPUTS_INTRODUCTION = {
    "en": "Stakeholders sent written inputs to the example review before its deadline; the accepted ones are listed here.",
}
