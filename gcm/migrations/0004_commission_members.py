"""The five UN regional commissions that run the GCM Regional Reviews (GCM para 50), their
member States and associate members, grouped in the sub-regions each commission itself
uses. Lists as published in 2024 by each commission:

- ECE   https://unece.org/member-states (56 member States; loaded by 0002 with its
        eight sub-regions, which stay as they are)
- ECA   https://www.uneca.org/member-states (54 member States). Sub-regions: ECA's five
        subregional offices, https://www.uneca.org/subregional-offices (North, West,
        Central, East and Southern Africa; members covered by each office as listed on
        the office's own page, e.g. https://www.uneca.org/sro-ea/pages/about-office).
- ECLAC https://www.cepal.org/en/member-states (46 member States: 33 in Latin America
        and the Caribbean, 13 from outside the region; 14 associate members, all
        non-independent Caribbean territories). Sub-regions: the countries served by
        the subregional headquarters in Mexico
        (https://www.cepal.org/en/headquarters-and-offices/eclac-mexico/about-eclac-subregional-headquarters-mexico)
        and for the Caribbean (Port of Spain, which also serves the associate members),
        South America, and the member States from outside the region.
- ESCAP https://www.unescap.org/about/member-states (53 member States, 9 associate
        members). Sub-regions: ESCAP's five subregions
        (https://www.unescap.org/subregional-office/north-central-asia and the other
        subregional offices), plus the member States from outside the region. The
        Russian Federation is in North and Central Asia, as in ESCAP's statistics.
- ESCWA https://www.unescwa.org/about/member-states (21 member States). Sub-regions: the
        groups ESCWA uses in its reports (Mashreq, Maghreb, Gulf Cooperation Council
        countries, Arab least developed countries).

A country belongs to several commissions (France, the United States, the Russian
Federation, Türkiye, Kazakhstan ...): each membership is its own row, with that
commission's sub-region. Codes are ISO 3166-1 alpha-2 (names come from
django-countries). The data is plain Python so it can be read and checked without Django.
"""

from django.db import migrations

# Language suffixes of the modeltranslation columns (settings.LANGUAGES, "-" -> "_").
LANGUAGES = ("en", "ar", "es", "fr", "ru", "zh_hans")

MEMBER = "member"
ASSOCIATE = "associate"


# --------------------------------------------------------------------------------------
# 1. The commission of each region: official name and abbreviation in the six languages,
#    and the commission's own membership page. Arabic UN usage has no acronym for ECA,
#    ECE and ECLAC: the short Arabic name stands in for it, as in the region names (0002).
# --------------------------------------------------------------------------------------
COMMISSIONS = {
    "africa": {
        "source": "https://www.uneca.org/member-states",
        "name": {
            "en": "Economic Commission for Africa",
            "ar": "اللجنة الاقتصادية لأفريقيا",
            "es": "Comisión Económica para África",
            "fr": "Commission économique pour l'Afrique",
            "ru": "Экономическая комиссия для Африки",
            "zh_hans": "非洲经济委员会",
        },
        "abbreviation": {
            "en": "ECA",
            "ar": "اللجنة الاقتصادية لأفريقيا",
            "es": "CEPA",
            "fr": "CEA",
            "ru": "ЭКА",
            "zh_hans": "非洲经委会",
        },
    },
    "unece": {
        "source": "https://unece.org/member-states",
        "name": {
            "en": "Economic Commission for Europe",
            "ar": "اللجنة الاقتصادية لأوروبا",
            "es": "Comisión Económica para Europa",
            "fr": "Commission économique pour l'Europe",
            "ru": "Европейская экономическая комиссия",
            "zh_hans": "欧洲经济委员会",
        },
        "abbreviation": {
            "en": "ECE",
            "ar": "اللجنة الاقتصادية لأوروبا",
            "es": "CEPE",
            "fr": "CEE",
            "ru": "ЕЭК",
            "zh_hans": "欧洲经委会",
        },
    },
    "lac": {
        "source": "https://www.cepal.org/en/member-states",
        "name": {
            "en": "Economic Commission for Latin America and the Caribbean",
            "ar": "اللجنة الاقتصادية لأمريكا اللاتينية ومنطقة البحر الكاريبي",
            "es": "Comisión Económica para América Latina y el Caribe",
            "fr": "Commission économique pour l'Amérique latine et les Caraïbes",
            "ru": "Экономическая комиссия для Латинской Америки и Карибского бассейна",
            "zh_hans": "拉丁美洲和加勒比经济委员会",
        },
        "abbreviation": {
            "en": "ECLAC",
            "ar": "اللجنة الاقتصادية لأمريكا اللاتينية",
            "es": "CEPAL",
            "fr": "CEPALC",
            "ru": "ЭКЛАК",
            "zh_hans": "拉加经委会",
        },
    },
    "asia-pacific": {
        "source": "https://www.unescap.org/about/member-states",
        "name": {
            "en": "Economic and Social Commission for Asia and the Pacific",
            "ar": "اللجنة الاقتصادية والاجتماعية لآسيا والمحيط الهادئ",
            "es": "Comisión Económica y Social para Asia y el Pacífico",
            "fr": "Commission économique et sociale pour l'Asie et le Pacifique",
            "ru": "Экономическая и социальная комиссия для Азии и Тихого океана",
            "zh_hans": "亚洲及太平洋经济社会委员会",
        },
        "abbreviation": {
            "en": "ESCAP",
            "ar": "الإسكاب",
            "es": "CESPAP",
            "fr": "CESAP",
            "ru": "ЭСКАТО",
            "zh_hans": "亚太经社会",
        },
    },
    "arab": {
        "source": "https://www.unescwa.org/about/member-states",
        "name": {
            "en": "Economic and Social Commission for Western Asia",
            "ar": "اللجنة الاقتصادية والاجتماعية لغربي آسيا",
            "es": "Comisión Económica y Social para Asia Occidental",
            "fr": "Commission économique et sociale pour l'Asie occidentale",
            "ru": "Экономическая и социальная комиссия для Западной Азии",
            "zh_hans": "西亚经济社会委员会",
        },
        "abbreviation": {
            "en": "ESCWA",
            "ar": "الإسكوا",
            "es": "CESPAO",
            "fr": "CESAO",
            "ru": "ЭСКЗА",
            "zh_hans": "西亚经社会",
        },
    },
}


# --------------------------------------------------------------------------------------
# 2. Sub-regions of the four other commissions, in display order, with their members
#    (member States, then associate members) as ISO 3166-1 alpha-2 codes.
# --------------------------------------------------------------------------------------
SUBREGIONS = {
    "africa": (
        {
            "code": "north-africa",
            "name": {
                "en": "North Africa",
                "ar": "شمال أفريقيا",
                "es": "África Septentrional",
                "fr": "Afrique du Nord",
                "ru": "Северная Африка",
                "zh_hans": "北非",
            },
            MEMBER: ("DZ", "EG", "LY", "MR", "MA", "SD", "TN"),
        },
        {
            "code": "west-africa",
            "name": {
                "en": "West Africa",
                "ar": "غرب أفريقيا",
                "es": "África Occidental",
                "fr": "Afrique de l'Ouest",
                "ru": "Западная Африка",
                "zh_hans": "西非",
            },
            MEMBER: (
                "BJ", "BF", "CV", "CI", "GM", "GH", "GN", "GW", "LR", "ML", "NE", "NG",
                "SN", "SL", "TG",
            ),
        },
        {
            "code": "central-africa",
            "name": {
                "en": "Central Africa",
                "ar": "وسط أفريقيا",
                "es": "África Central",
                "fr": "Afrique centrale",
                "ru": "Центральная Африка",
                "zh_hans": "中部非洲",
            },
            MEMBER: ("CM", "CF", "TD", "CG", "GQ", "GA", "ST"),
        },
        {
            "code": "east-africa",
            "name": {
                "en": "East Africa",
                "ar": "شرق أفريقيا",
                "es": "África Oriental",
                "fr": "Afrique de l'Est",
                "ru": "Восточная Африка",
                "zh_hans": "东部非洲",
            },
            MEMBER: (
                "BI", "KM", "CD", "DJ", "ER", "ET", "KE", "MG", "RW", "SC", "SO", "SS",
                "TZ", "UG",
            ),
        },
        {
            "code": "southern-africa",
            "name": {
                "en": "Southern Africa",
                "ar": "الجنوب الأفريقي",
                "es": "África Meridional",
                "fr": "Afrique australe",
                "ru": "Юг Африки",
                "zh_hans": "南部非洲",
            },
            MEMBER: ("AO", "BW", "SZ", "LS", "MW", "MU", "MZ", "NA", "ZA", "ZM", "ZW"),
        },
    ),
    "lac": (
        {
            "code": "central-america-mexico",
            "name": {
                "en": "Central America, Cuba, the Dominican Republic, Haiti and Mexico",
                "ar": "أمريكا الوسطى وكوبا والجمهورية الدومينيكية وهايتي والمكسيك",
                "es": "Centroamérica, Cuba, Haití, México y la República Dominicana",
                "fr": "Amérique centrale, Cuba, Haïti, Mexique et République dominicaine",
                "ru": "Центральная Америка, Гаити, Доминиканская Республика, Куба и Мексика",
                "zh_hans": "中美洲、古巴、多米尼加共和国、海地和墨西哥",
            },
            MEMBER: ("CR", "CU", "DO", "SV", "GT", "HT", "HN", "MX", "NI", "PA"),
        },
        {
            "code": "caribbean",
            "name": {
                "en": "Caribbean",
                "ar": "منطقة البحر الكاريبي",
                "es": "El Caribe",
                "fr": "Caraïbes",
                "ru": "Карибский бассейн",
                "zh_hans": "加勒比",
            },
            MEMBER: (
                "AG", "BS", "BB", "BZ", "DM", "GD", "GY", "JM", "KN", "LC", "VC", "SR",
                "TT",
            ),
            ASSOCIATE: (
                "AI", "AW", "BM", "VG", "KY", "CW", "GF", "GP", "MQ", "MS", "PR", "SX",
                "TC", "VI",
            ),
        },
        {
            "code": "south-america",
            "name": {
                "en": "South America",
                "ar": "أمريكا الجنوبية",
                "es": "América del Sur",
                "fr": "Amérique du Sud",
                "ru": "Южная Америка",
                "zh_hans": "南美洲",
            },
            MEMBER: ("AR", "BO", "BR", "CL", "CO", "EC", "PY", "PE", "UY", "VE"),
        },
        {
            "code": "eclac-non-regional",
            "name": {
                "en": "Member States from outside Latin America and the Caribbean",
                "ar": "الدول الأعضاء من خارج أمريكا اللاتينية ومنطقة البحر الكاريبي",
                "es": "Estados miembros de fuera de América Latina y el Caribe",
                "fr": "États membres extérieurs à l'Amérique latine et aux Caraïbes",
                "ru": "Государства-члены из-за пределов Латинской Америки и Карибского бассейна",
                "zh_hans": "拉丁美洲和加勒比以外的成员国",
            },
            MEMBER: (
                "CA", "FR", "DE", "IT", "JP", "NL", "NO", "PT", "KR", "ES", "TR", "GB",
                "US",
            ),
        },
    ),
    "asia-pacific": (
        {
            "code": "east-north-east-asia",
            "name": {
                "en": "East and North-East Asia",
                "ar": "شرق وشمال شرق آسيا",
                "es": "Asia Oriental y Nororiental",
                "fr": "Asie de l'Est et du Nord-Est",
                "ru": "Восточная и Северо-Восточная Азия",
                "zh_hans": "东亚和东北亚",
            },
            MEMBER: ("CN", "KP", "JP", "MN", "KR"),
            ASSOCIATE: ("HK", "MO"),
        },
        {
            "code": "north-central-asia",
            "name": {
                "en": "North and Central Asia",
                "ar": "شمال ووسط آسيا",
                "es": "Asia Septentrional y Central",
                "fr": "Asie du Nord et Asie centrale",
                "ru": "Северная и Центральная Азия",
                "zh_hans": "北亚和中亚",
            },
            MEMBER: ("AM", "AZ", "GE", "KZ", "KG", "RU", "TJ", "TM", "UZ"),
        },
        {
            "code": "pacific",
            "name": {
                "en": "Pacific",
                "ar": "المحيط الهادئ",
                "es": "Pacífico",
                "fr": "Pacifique",
                "ru": "Тихоокеанский субрегион",
                "zh_hans": "太平洋",
            },
            MEMBER: (
                "AU", "FJ", "KI", "MH", "FM", "NR", "NZ", "PW", "PG", "WS", "SB", "TO",
                "TV", "VU",
            ),
            ASSOCIATE: ("AS", "CK", "PF", "GU", "NC", "NU", "MP"),
        },
        {
            "code": "south-east-asia",
            "name": {
                "en": "South-East Asia",
                "ar": "جنوب شرق آسيا",
                "es": "Asia Sudoriental",
                "fr": "Asie du Sud-Est",
                "ru": "Юго-Восточная Азия",
                "zh_hans": "东南亚",
            },
            MEMBER: ("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN"),
        },
        {
            "code": "south-south-west-asia",
            "name": {
                "en": "South and South-West Asia",
                "ar": "جنوب وجنوب غرب آسيا",
                "es": "Asia Meridional y Sudoccidental",
                "fr": "Asie du Sud et du Sud-Ouest",
                "ru": "Южная и Юго-Западная Азия",
                "zh_hans": "南亚和西南亚",
            },
            MEMBER: ("AF", "BD", "BT", "IN", "IR", "MV", "NP", "PK", "LK", "TR"),
        },
        {
            "code": "escap-non-regional",
            "name": {
                "en": "Member States from outside Asia and the Pacific",
                "ar": "الدول الأعضاء من خارج منطقة آسيا والمحيط الهادئ",
                "es": "Estados miembros de fuera de Asia y el Pacífico",
                "fr": "États membres extérieurs à l'Asie et au Pacifique",
                "ru": "Государства-члены из-за пределов Азиатско-Тихоокеанского региона",
                "zh_hans": "亚洲及太平洋以外的成员国",
            },
            MEMBER: ("FR", "NL", "GB", "US"),
        },
    ),
    "arab": (
        {
            "code": "mashreq",
            "name": {
                "en": "Mashreq",
                "ar": "المشرق العربي",
                "es": "Mashreq",
                "fr": "Machrek",
                "ru": "Машрик",
                "zh_hans": "马什雷克",
            },
            MEMBER: ("EG", "IQ", "JO", "LB", "PS", "SY"),
        },
        {
            "code": "maghreb",
            "name": {
                "en": "Maghreb",
                "ar": "المغرب العربي",
                "es": "Magreb",
                "fr": "Maghreb",
                "ru": "Магриб",
                "zh_hans": "马格里布",
            },
            MEMBER: ("DZ", "LY", "MA", "TN"),
        },
        {
            "code": "gcc",
            "name": {
                "en": "Gulf Cooperation Council countries",
                "ar": "دول مجلس التعاون الخليجي",
                "es": "Países del Consejo de Cooperación del Golfo",
                "fr": "Pays du Conseil de coopération du Golfe",
                "ru": "Страны Совета сотрудничества арабских государств Залива",
                "zh_hans": "海湾合作委员会国家",
            },
            MEMBER: ("BH", "KW", "OM", "QA", "SA", "AE"),
        },
        {
            "code": "arab-ldc",
            "name": {
                "en": "Arab least developed countries",
                "ar": "أقل البلدان العربية نموا",
                "es": "Países árabes menos adelantados",
                "fr": "Pays arabes les moins avancés",
                "ru": "Наименее развитые арабские страны",
                "zh_hans": "阿拉伯最不发达国家",
            },
            MEMBER: ("DJ", "MR", "SO", "SD", "YE"),
        },
    ),
}  # fmt: skip

# The counts each commission publishes: (member States, associate members).
PUBLISHED_COUNTS = {
    "africa": (54, 0),
    "lac": (46, 14),
    "asia-pacific": (53, 9),
    "arab": (21, 0),
}


def codes(region: str, kind: str) -> list[str]:
    return [code for subregion in SUBREGIONS[region] for code in subregion.get(kind, ())]


def _check_counts():
    for region, (members, associates) in PUBLISHED_COUNTS.items():
        listed = codes(region, MEMBER) + codes(region, ASSOCIATE)
        assert len(listed) == len(set(listed)), f"{region}: a code is listed twice"
        assert len(codes(region, MEMBER)) == members, f"{region}: {members} member States"
        assert len(codes(region, ASSOCIATE)) == associates, f"{region}: associate members"
    assert set(COMMISSIONS) == set(PUBLISHED_COUNTS) | {"unece"}


_check_counts()


# --------------------------------------------------------------------------------------
# Forward and reverse functions.
# --------------------------------------------------------------------------------------
def _translated(field, texts):
    """Plain field in English plus one modeltranslation column per language."""
    values = {field: texts["en"]}
    for language in LANGUAGES:
        values[f"{field}_{language}"] = texts[language]
    return values


def load(apps, schema_editor):
    db = schema_editor.connection.alias
    Region = apps.get_model("gcm", "Region")
    SubRegion = apps.get_model("gcm", "SubRegion")
    MemberState = apps.get_model("gcm", "MemberState")

    for code, commission in COMMISSIONS.items():
        Region.objects.using(db).filter(code=code).update(
            membership_source=commission["source"],
            **_translated("commission_name", commission["name"]),
            **_translated("commission_abbreviation", commission["abbreviation"]),
        )

    for region_code, subregions in SUBREGIONS.items():
        region = Region.objects.using(db).get(code=region_code)
        for position, entry in enumerate(subregions, start=1):
            subregion, _created = SubRegion.objects.using(db).update_or_create(
                code=entry["code"],
                defaults={
                    "region": region,
                    "position": position,
                    **_translated("name", entry["name"]),
                },
            )
            for kind in (MEMBER, ASSOCIATE):
                for country in entry.get(kind, ()):
                    MemberState.objects.using(db).update_or_create(
                        region=region,
                        country=country,
                        defaults={"subregion": subregion, "kind": kind},
                    )


def unload(apps, schema_editor):
    db = schema_editor.connection.alias
    Region = apps.get_model("gcm", "Region")
    SubRegion = apps.get_model("gcm", "SubRegion")
    MemberState = apps.get_model("gcm", "MemberState")

    MemberState.objects.using(db).filter(region__code__in=list(SUBREGIONS)).delete()
    SubRegion.objects.using(db).filter(
        code__in=[entry["code"] for entries in SUBREGIONS.values() for entry in entries]
    ).delete()
    blank = {"membership_source": ""}
    for field in ("commission_name", "commission_abbreviation"):
        blank[field] = ""
        for language in LANGUAGES:
            blank[f"{field}_{language}"] = None
    Region.objects.using(db).filter(code__in=list(COMMISSIONS)).update(**blank)


class Migration(migrations.Migration):
    dependencies = [
        ("gcm", "0003_commissions"),
    ]

    operations = [
        migrations.RunPython(load, unload),
    ]
