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
    "ar": "مثال على الجولة القادمة: الاستعراض الإقليمي للاتفاق العالمي من أجل الهجرة في آسيا والمحيط الهادئ",
    "es": "Ejemplo de la próxima ronda: Examen Regional del Pacto Mundial para la Migración en Asia y el Pacífico",
    "fr": "Exemple du prochain cycle : Examen régional du Pacte mondial sur les migrations en Asie et dans le Pacifique",
    "ru": "Пример следующего раунда: региональный обзор Глобального договора о миграции в Азиатско-Тихоокеанском регионе",
    "zh_hans": "下一轮示例：亚洲及太平洋区域《移民问题全球契约》区域审查",
}
REVIEW_VENUE = {
    "en": "United Nations Conference Centre",
    "ar": "مركز الأمم المتحدة للمؤتمرات",
    "es": "Centro de Conferencias de las Naciones Unidas",
    "fr": "Centre de conférences des Nations Unies",
    "ru": "Конференционный центр Организации Объединенных Наций",
    "zh_hans": "联合国会议中心",
}
REVIEW_DESCRIPTION = {
    "en": "This is an example, loaded with the demo so that every step of a round can be tried: its dates follow the day the demo was loaded, and its participants, organisations and inputs are synthetic.\n\nThe Regional Review meeting for Asia and the Pacific takes place at the United Nations Conference Centre in Bangkok, preceded by a multi-stakeholder consultation. Stakeholders can register for the consultations, apply to be the stakeholder Rapporteur and send written inputs.",
    "ar": "هذا مثال يُحمَّل مع البيانات التجريبية لتجربة كل خطوة من خطوات الجولة: تتبع تواريخه يوم تحميل البيانات التجريبية، والمشاركون والمنظمات والمساهمات فيه اصطناعية.\n\nيُعقد اجتماع الاستعراض الإقليمي لآسيا والمحيط الهادئ في مركز الأمم المتحدة للمؤتمرات في بانكوك، وتسبقه مشاورة لأصحاب المصلحة المتعددين. يمكن لأصحاب المصلحة التسجيل في المشاورات، والترشح لمهمة المقرر عن أصحاب المصلحة، وإرسال مساهمات مكتوبة.",
    "es": "Este es un ejemplo, cargado con la demostración para que se pueda probar cada paso de una ronda: sus fechas siguen el día en que se cargó la demostración, y sus participantes, organizaciones y contribuciones son ficticios.\n\nLa reunión del Examen Regional para Asia y el Pacífico se celebra en el Centro de Conferencias de las Naciones Unidas en Bangkok, precedida de una consulta de múltiples partes interesadas. Las partes interesadas pueden inscribirse en las consultas, postularse como relator o relatora de las partes interesadas y enviar contribuciones escritas.",
    "fr": "Ceci est un exemple, chargé avec la démonstration pour que chaque étape d'un cycle puisse être essayée : ses dates suivent le jour où la démonstration a été chargée, et ses participants, organisations et contributions sont fictifs.\n\nLa réunion d'examen régional pour l'Asie et le Pacifique a lieu au Centre de conférences des Nations Unies à Bangkok, précédée d'une consultation multipartite. Les parties prenantes peuvent s'inscrire aux consultations, se porter candidates au poste de rapporteur des parties prenantes et envoyer des contributions écrites.",
    "ru": "Это пример, загружаемый вместе с демонстрационными данными, чтобы можно было опробовать каждый этап раунда: его даты отсчитываются от дня загрузки, а участники, организации и материалы вымышлены.\n\nСовещание по региональному обзору для Азиатско-Тихоокеанского региона проходит в Конференционном центре ООН в Бангкоке; ему предшествует многосторонняя консультация. Заинтересованные стороны могут зарегистрироваться на консультации, подать заявку на роль докладчика от заинтересованных сторон и направить письменные материалы.",
    "zh_hans": "这是一个示例，随演示数据一同加载，以便试用一轮审查的每个步骤：其日期以加载演示数据的日期为准，其中的参与者、组织和意见均为虚构。\n\n亚洲及太平洋区域审查会议在曼谷联合国会议中心举行，会前举行多利益攸关方磋商。利益攸关方可以报名参加磋商、申请担任利益攸关方报告员并提交书面意见。",
}

BANGKOK_VENUE = {
    "en": "United Nations Conference Centre, Bangkok",
    "ar": "مركز الأمم المتحدة للمؤتمرات، بانكوك",
    "es": "Centro de Conferencias de las Naciones Unidas, Bangkok",
    "fr": "Centre de conférences des Nations Unies, Bangkok",
    "ru": "Конференционный центр ООН, Бангкок",
    "zh_hans": "曼谷联合国会议中心",
}

SESSIONS = {
    "global": {
        "title": {
            "en": "Example: global stakeholder consultation on the next round of Regional Reviews",
            "ar": "مثال: المشاورة العالمية لأصحاب المصلحة بشأن الجولة القادمة من الاستعراضات الإقليمية",
            "es": "Ejemplo: consulta mundial de partes interesadas sobre la próxima ronda de exámenes regionales",
            "fr": "Exemple : consultation mondiale des parties prenantes sur le prochain cycle d'examens régionaux",
            "ru": "Пример: глобальная консультация заинтересованных сторон по следующему раунду региональных обзоров",
            "zh_hans": "示例：关于下一轮区域审查的全球利益攸关方磋商",
        },
        "description": {
            "en": "The global consultation that opens the next round of Regional Reviews in all five regions (example).",
            "ar": "المشاورة العالمية التي تفتتح الجولة القادمة من الاستعراضات الإقليمية في المناطق الخمس كلها (مثال).",
            "es": "La consulta mundial que abre la próxima ronda de exámenes regionales en las cinco regiones (ejemplo).",
            "fr": "La consultation mondiale qui ouvre le prochain cycle d'examens régionaux dans les cinq régions (exemple).",
            "ru": "Глобальная консультация, открывающая следующий раунд региональных обзоров во всех пяти регионах (пример).",
            "zh_hans": "开启所有五个区域下一轮区域审查的全球磋商（示例）。",
        },
        "summary": {
            "en": "Stakeholders from all five regions discussed how to take part in the next round of Regional Reviews (example summary).\n\nThey asked for an early roadmap, online participation at every step and interpretation into the languages of each region.",
            "ar": "ناقش أصحاب المصلحة من المناطق الخمس كلها سبل المشاركة في الجولة القادمة من الاستعراضات الإقليمية (ملخص على سبيل المثال).\n\nوطالبوا بخريطة طريق مبكرة، وبالمشاركة عبر الإنترنت في كل خطوة، وبالترجمة الفورية إلى لغات كل منطقة.",
            "es": "Partes interesadas de las cinco regiones debatieron cómo participar en la próxima ronda de exámenes regionales (resumen de ejemplo).\n\nPidieron una hoja de ruta temprana, participación en línea en cada paso e interpretación a los idiomas de cada región.",
            "fr": "Des parties prenantes des cinq régions ont discuté de la manière de prendre part au prochain cycle d'examens régionaux (résumé d'exemple).\n\nElles ont demandé une feuille de route précoce, une participation en ligne à chaque étape et une interprétation dans les langues de chaque région.",
            "ru": "Заинтересованные стороны из всех пяти регионов обсудили, как участвовать в следующем раунде региональных обзоров (пример резюме).\n\nОни попросили заблаговременно опубликовать дорожную карту, обеспечить онлайн-участие на каждом этапе и устный перевод на языки каждого региона.",
            "zh_hans": "来自所有五个区域的利益攸关方讨论了如何参与下一轮区域审查（示例摘要）。\n\n他们要求尽早公布路线图，在每个步骤都提供在线参与，并提供各区域语言的口译。",
        },
    },
    "talk": {
        "title": {
            "en": "Example GCM Talk: fair recruitment along Asian labour migration corridors",
            "ar": "مثال على حوار الاتفاق العالمي: التوظيف العادل على طول ممرات هجرة العمالة الآسيوية",
            "es": "Ejemplo de Diálogo del Pacto: contratación equitativa en los corredores de migración laboral de Asia",
            "fr": "Exemple de dialogue du Pacte : recrutement équitable le long des couloirs de migration de main-d'œuvre en Asie",
            "ru": "Пример диалога по ГДМ: добросовестный наем на азиатских коридорах трудовой миграции",
            "zh_hans": "全球移民契约对话示例：亚洲劳工移民走廊沿线的公平招聘",
        },
        "organisers": {
            "en": "A synthetic network of migrant workers' organisations, with IOM",
            "ar": "شبكة اصطناعية من منظمات العمال المهاجرين، بالتعاون مع المنظمة الدولية للهجرة",
            "es": "Una red ficticia de organizaciones de trabajadores migrantes, con la OIM",
            "fr": "Un réseau fictif d'organisations de travailleurs migrants, avec l'OIM",
            "ru": "Вымышленная сеть организаций трудящихся-мигрантов совместно с МОМ",
            "zh_hans": "一个虚构的移民工人组织网络，与国际移民组织合作",
        },
        "summary": {
            "en": "Migrant workers, recruiters and trade unions compared practices that end recruitment fees paid by workers (example summary).\n\nParticipants recommended that States publish the fees they allow and the complaints they receive.",
            "ar": "قارن العمال المهاجرون ووكالات التوظيف والنقابات العمالية بين الممارسات التي تنهي رسوم التوظيف التي يدفعها العمال (ملخص على سبيل المثال).\n\nوأوصى المشاركون بأن تنشر الدول الرسوم التي تسمح بها والشكاوى التي تتلقاها.",
            "es": "Trabajadores migrantes, agencias de contratación y sindicatos compararon prácticas que eliminan las comisiones de contratación pagadas por los trabajadores (resumen de ejemplo).\n\nLos participantes recomendaron que los Estados publiquen las comisiones que autorizan y las denuncias que reciben.",
            "fr": "Travailleurs migrants, recruteurs et syndicats ont comparé les pratiques qui mettent fin aux frais de recrutement payés par les travailleurs (résumé d'exemple).\n\nLes participants ont recommandé que les États publient les frais qu'ils autorisent et les plaintes qu'ils reçoivent.",
            "ru": "Трудящиеся-мигранты, кадровые агентства и профсоюзы сравнили практики, позволяющие отказаться от сборов за наем, оплачиваемых работниками (пример резюме).\n\nУчастники рекомендовали государствам публиковать разрешенные ими сборы и получаемые жалобы.",
            "zh_hans": "移民工人、招聘机构和工会比较了终止由工人支付招聘费的做法（示例摘要）。\n\n与会者建议各国公布其允许的收费以及收到的投诉。",
        },
    },
    "thematic-held": {
        "title": {
            "en": "Example: online thematic consultation on roundtable clusters 1 and 2",
            "ar": "مثال: مشاورة مواضيعية عبر الإنترنت بشأن مجموعتي الموائد المستديرة 1 و2",
            "es": "Ejemplo: consulta temática en línea sobre los grupos de mesas redondas 1 y 2",
            "fr": "Exemple : consultation thématique en ligne sur les groupes de tables rondes 1 et 2",
            "ru": "Пример: тематическая онлайн-консультация по кластерам круглых столов 1 и 2",
            "zh_hans": "示例：关于第1和第2组圆桌会议的在线专题磋商",
        },
        "description": {
            "en": "An online consultation on regular pathways, decent work, saving lives, border management and return (example).",
            "ar": "مشاورة عبر الإنترنت بشأن المسارات النظامية والعمل اللائق وإنقاذ الأرواح وإدارة الحدود والعودة (مثال).",
            "es": "Una consulta en línea sobre vías regulares, trabajo decente, salvar vidas, gestión de fronteras y retorno (ejemplo).",
            "fr": "Une consultation en ligne sur les voies régulières, le travail décent, le sauvetage de vies, la gestion des frontières et le retour (exemple).",
            "ru": "Онлайн-консультация о законных путях миграции, достойном труде, спасении жизней, управлении границами и возвращении (пример).",
            "zh_hans": "关于正常移民途径、体面工作、拯救生命、边境管理和返回的在线磋商（示例）。",
        },
        "summary": {
            "en": "Participants from all sub-regions of Asia and the Pacific discussed roundtable clusters 1 and 2 (example summary).\n\nThey stressed regular pathways for workers in care and construction, search and rescue in the Andaman Sea and the Bay of Bengal, and reintegration support that reaches women returning home.",
            "ar": "ناقش مشاركون من جميع المناطق دون الإقليمية لآسيا والمحيط الهادئ مجموعتي الموائد المستديرة 1 و2 (ملخص على سبيل المثال).\n\nوشددوا على المسارات النظامية للعاملين في الرعاية والبناء، وعلى البحث والإنقاذ في بحر أندامان وخليج البنغال، وعلى دعم إعادة الإدماج الذي يصل إلى النساء العائدات إلى ديارهن.",
            "es": "Participantes de todas las subregiones de Asia y el Pacífico debatieron los grupos de mesas redondas 1 y 2 (resumen de ejemplo).\n\nDestacaron las vías regulares para trabajadores de los cuidados y la construcción, la búsqueda y el salvamento en el mar de Andamán y el golfo de Bengala, y un apoyo a la reintegración que llegue a las mujeres que regresan a su país.",
            "fr": "Des participants de toutes les sous-régions de l'Asie et du Pacifique ont discuté des groupes de tables rondes 1 et 2 (résumé d'exemple).\n\nIls ont insisté sur les voies régulières pour les travailleurs du soin et de la construction, la recherche et le sauvetage en mer d'Andaman et dans le golfe du Bengale, et un soutien à la réintégration qui atteigne les femmes rentrant chez elles.",
            "ru": "Участники из всех субрегионов Азиатско-Тихоокеанского региона обсудили кластеры круглых столов 1 и 2 (пример резюме).\n\nОни подчеркнули важность законных путей для работников сферы ухода и строительства, поиска и спасания в Андаманском море и Бенгальском заливе, а также поддержки реинтеграции, доступной для возвращающихся домой женщин.",
            "zh_hans": "来自亚洲及太平洋所有次区域的与会者讨论了第1和第2组圆桌会议（示例摘要）。\n\n他们强调了护理和建筑业工人的正常移民途径、安达曼海和孟加拉湾的搜救工作，以及惠及回国妇女的重返社会支助。",
        },
    },
    "pre-consultation": {
        "title": {
            "en": "Example: online stakeholder pre-consultation for Asia and the Pacific",
            "ar": "مثال: مشاورة تمهيدية لأصحاب المصلحة عبر الإنترنت لآسيا والمحيط الهادئ",
            "es": "Ejemplo: consulta previa en línea con las partes interesadas de Asia y el Pacífico",
            "fr": "Exemple : préconsultation en ligne des parties prenantes pour l'Asie et le Pacifique",
            "ru": "Пример: предварительная онлайн-консультация заинтересованных сторон Азиатско-Тихоокеанского региона",
            "zh_hans": "示例：亚洲及太平洋利益攸关方在线预备磋商",
        },
        "description": {
            "en": "The first step of the round in the region: the roadmap, the roundtables and how to send inputs (example). At least twelve weeks before the Regional Review meeting.",
            "ar": "الخطوة الأولى من الجولة في المنطقة: خريطة الطريق والموائد المستديرة وكيفية إرسال المساهمات (مثال). قبل اثني عشر أسبوعًا على الأقل من اجتماع الاستعراض الإقليمي.",
            "es": "El primer paso de la ronda en la región: la hoja de ruta, las mesas redondas y cómo enviar contribuciones (ejemplo). Al menos doce semanas antes de la reunión del Examen Regional.",
            "fr": "La première étape du cycle dans la région : la feuille de route, les tables rondes et la manière d'envoyer des contributions (exemple). Au moins douze semaines avant la réunion d'examen régional.",
            "ru": "Первый этап раунда в регионе: дорожная карта, круглые столы и порядок направления материалов (пример). Не позднее чем за двенадцать недель до совещания по региональному обзору.",
            "zh_hans": "本区域这一轮的第一步：路线图、圆桌会议以及如何提交意见（示例）。至少在区域审查会议前十二周举行。",
        },
    },
    "hybrid": {
        "title": {
            "en": "Example: hybrid thematic consultation on roundtable clusters 3 and 4",
            "ar": "مثال: مشاورة مواضيعية مختلطة بشأن مجموعتي الموائد المستديرة 3 و4",
            "es": "Ejemplo: consulta temática híbrida sobre los grupos de mesas redondas 3 y 4",
            "fr": "Exemple : consultation thématique hybride sur les groupes de tables rondes 3 et 4",
            "ru": "Пример: гибридная тематическая консультация по кластерам круглых столов 3 и 4",
            "zh_hans": "示例：关于第3和第4组圆桌会议的混合式专题磋商",
        },
        "description": {
            "en": "A hybrid consultation in Bangkok and online on the protection and inclusion of migrants, data and international cooperation (example). In-person participants give their identity document details for access to the United Nations Conference Centre.",
            "ar": "مشاورة مختلطة في بانكوك وعبر الإنترنت بشأن حماية المهاجرين وإدماجهم والبيانات والتعاون الدولي (مثال). يقدّم المشاركون حضوريًا بيانات وثيقة هويتهم للدخول إلى مركز الأمم المتحدة للمؤتمرات.",
            "es": "Una consulta híbrida en Bangkok y en línea sobre la protección y la inclusión de las personas migrantes, los datos y la cooperación internacional (ejemplo). Quienes participan en persona facilitan los datos de su documento de identidad para acceder al Centro de Conferencias de las Naciones Unidas.",
            "fr": "Une consultation hybride à Bangkok et en ligne sur la protection et l'inclusion des migrants, les données et la coopération internationale (exemple). Les participants en présentiel donnent les détails de leur pièce d'identité pour accéder au Centre de conférences des Nations Unies.",
            "ru": "Гибридная консультация в Бангкоке и онлайн о защите и интеграции мигрантов, данных и международном сотрудничестве (пример). Очные участники сообщают данные удостоверения личности для доступа в Конференционный центр ООН.",
            "zh_hans": "在曼谷现场和在线举行的混合式磋商，主题为移民的保护和融入、数据和国际合作（示例）。现场参会者须提供身份证件信息，以便进入联合国会议中心。",
        },
        "venue": BANGKOK_VENUE,
    },
    "multi-stakeholder": {
        "title": {
            "en": "Example: multi-stakeholder consultation ahead of the Regional Review meeting",
            "ar": "مثال: مشاورة أصحاب المصلحة المتعددين قبل اجتماع الاستعراض الإقليمي",
            "es": "Ejemplo: consulta de múltiples partes interesadas previa a la reunión del Examen Regional",
            "fr": "Exemple : consultation multipartite en amont de la réunion d'examen régional",
            "ru": "Пример: многосторонняя консультация перед совещанием по региональному обзору",
            "zh_hans": "示例：区域审查会议前的多利益攸关方磋商",
        },
        "description": {
            "en": "The day before the Regional Review meeting, stakeholders agree on the messages the Rapporteur will convey (example).",
            "ar": "في اليوم السابق لاجتماع الاستعراض الإقليمي، يتفق أصحاب المصلحة على الرسائل التي سينقلها المقرر (مثال).",
            "es": "La víspera de la reunión del Examen Regional, las partes interesadas acuerdan los mensajes que transmitirá el relator o la relatora (ejemplo).",
            "fr": "La veille de la réunion d'examen régional, les parties prenantes s'accordent sur les messages que le rapporteur transmettra (exemple).",
            "ru": "Накануне совещания по региональному обзору заинтересованные стороны согласуют тезисы, которые представит докладчик (пример).",
            "zh_hans": "在区域审查会议前一天，利益攸关方商定报告员将转达的信息（示例）。",
        },
        "venue": BANGKOK_VENUE,
    },
    "review-meeting": {
        "title": {
            "en": "Example: Regional Review meeting for Asia and the Pacific",
            "ar": "مثال: اجتماع الاستعراض الإقليمي لآسيا والمحيط الهادئ",
            "es": "Ejemplo: reunión del Examen Regional para Asia y el Pacífico",
            "fr": "Exemple : réunion d'examen régional pour l'Asie et le Pacifique",
            "ru": "Пример: совещание по региональному обзору для Азиатско-Тихоокеанского региона",
            "zh_hans": "示例：亚洲及太平洋区域审查会议",
        },
        "description": {
            "en": "The intergovernmental meeting, with four thematic roundtables, each opened by a Member State speaker (example).",
            "ar": "الاجتماع الحكومي الدولي، مع أربع موائد مستديرة مواضيعية، يفتتح كلًّا منها متحدث عن دولة عضو (مثال).",
            "es": "La reunión intergubernamental, con cuatro mesas redondas temáticas, cada una abierta por un orador de un Estado miembro (ejemplo).",
            "fr": "La réunion intergouvernementale, avec quatre tables rondes thématiques, chacune ouverte par un intervenant d'un État membre (exemple).",
            "ru": "Межправительственное совещание с четырьмя тематическими круглыми столами, каждый из которых открывает докладчик от государства-члена (пример).",
            "zh_hans": "政府间会议，设四个专题圆桌会议，每个圆桌会议由一名会员国发言人开场（示例）。",
        },
        "venue": BANGKOK_VENUE,
    },
}


def _imrf(numbers: dict[str, str]) -> dict[str, str]:
    return {
        "en": f"Objectives {numbers['en']}, as at the International Migration Review Forum.",
        "ar": f"الأهداف {numbers['ar']}، كما في المنتدى الدولي لاستعراض الهجرة.",
        "es": f"Objetivos {numbers['es']}, como en el Foro de Examen de la Migración Internacional.",
        "fr": f"Objectifs {numbers['fr']}, comme au Forum d'examen des migrations internationales.",
        "ru": f"Цели {numbers['ru']}, как на Форуме по обзору международной миграции.",
        "zh_hans": f"目标{numbers['zh_hans']}，与国际移民审查论坛相同。",
    }


def _numbers(items: tuple[int, ...]) -> dict[str, str]:
    head, last = ", ".join(map(str, items[:-1])), str(items[-1])
    return {
        "en": f"{head} and {last}",
        "ar": f"{head} و{last}",
        "es": f"{head} y {last}",
        "fr": f"{head} et {last}",
        "ru": f"{head} и {last}",
        "zh_hans": "、".join(map(str, items)),
    }


ROUNDTABLES = {
    1: {
        "title": {
            "en": "Roundtable 1: regular pathways, decent work and skills",
            "ar": "المائدة المستديرة 1: المسارات النظامية والعمل اللائق والمهارات",
            "es": "Mesa redonda 1: vías regulares, trabajo decente y competencias",
            "fr": "Table ronde 1 : voies régulières, travail décent et compétences",
            "ru": "Круглый стол 1: законные пути миграции, достойный труд и навыки",
            "zh_hans": "圆桌会议1：正常途径、体面工作和技能",
        },
        "description": _imrf(_numbers((2, 5, 6, 12, 18))),
    },
    2: {
        "title": {
            "en": "Roundtable 2: saving lives, borders, detention and return",
            "ar": "المائدة المستديرة 2: إنقاذ الأرواح والحدود والاحتجاز والعودة",
            "es": "Mesa redonda 2: salvar vidas, fronteras, detención y retorno",
            "fr": "Table ronde 2 : sauver des vies, frontières, détention et retour",
            "ru": "Круглый стол 2: спасение жизней, границы, содержание под стражей и возвращение",
            "zh_hans": "圆桌会议2：拯救生命、边境、拘留和返回",
        },
        "description": _imrf(_numbers((4, 8, 9, 10, 11, 13, 21))),
    },
    3: {
        "title": {
            "en": "Roundtable 3: protection, services and inclusion",
            "ar": "المائدة المستديرة 3: الحماية والخدمات والإدماج",
            "es": "Mesa redonda 3: protección, servicios e inclusión",
            "fr": "Table ronde 3 : protection, services et inclusion",
            "ru": "Круглый стол 3: защита, услуги и интеграция",
            "zh_hans": "圆桌会议3：保护、服务和融入",
        },
        "description": _imrf(_numbers((14, 15, 16, 19, 20, 22))),
    },
    4: {
        "title": {
            "en": "Roundtable 4: data, information, public discourse and cooperation",
            "ar": "المائدة المستديرة 4: البيانات والمعلومات والخطاب العام والتعاون",
            "es": "Mesa redonda 4: datos, información, discurso público y cooperación",
            "fr": "Table ronde 4 : données, information, discours public et coopération",
            "ru": "Круглый стол 4: данные, информация, общественный дискурс и сотрудничество",
            "zh_hans": "圆桌会议4：数据、信息、公共话语和合作",
        },
        "description": _imrf(_numbers((1, 3, 7, 17, 23))),
    },
}

CALL_TITLE = {
    "en": "Example call for expressions of interest: stakeholder Rapporteur for Asia and the Pacific",
    "ar": "مثال على دعوة لإبداء الاهتمام: مقرر أصحاب المصلحة لآسيا والمحيط الهادئ",
    "es": "Ejemplo de convocatoria de manifestaciones de interés: relator o relatora de las partes interesadas para Asia y el Pacífico",
    "fr": "Exemple d'appel à manifestation d'intérêt : rapporteur des parties prenantes pour l'Asie et le Pacifique",
    "ru": "Пример призыва к выражению заинтересованности: докладчик от заинтересованных сторон для Азиатско-Тихоокеанского региона",
    "zh_hans": "意向征集示例：亚洲及太平洋利益攸关方报告员",
}
CALL_DESCRIPTION = {
    "en": "An open call for expressions of interest for the stakeholder Rapporteur of the example Regional Review for Asia and the Pacific.\n\nThe Rapporteur conveys the outcomes of the multi-stakeholder consultation at the opening of the intergovernmental meeting.",
    "ar": "دعوة مفتوحة لإبداء الاهتمام بمهمة مقرر أصحاب المصلحة في الاستعراض الإقليمي المثال لآسيا والمحيط الهادئ.\n\nينقل المقرر نتائج مشاورة أصحاب المصلحة المتعددين في افتتاح الاجتماع الحكومي الدولي.",
    "es": "Convocatoria abierta de manifestaciones de interés para el relator o la relatora de las partes interesadas del Examen Regional de ejemplo para Asia y el Pacífico.\n\nEl relator o la relatora transmite los resultados de la consulta de múltiples partes interesadas en la apertura de la reunión intergubernamental.",
    "fr": "Un appel ouvert à manifestation d'intérêt pour le rapporteur des parties prenantes de l'examen régional d'exemple pour l'Asie et le Pacifique.\n\nLe rapporteur transmet les résultats de la consultation multipartite à l'ouverture de la réunion intergouvernementale.",
    "ru": "Открытый призыв к выражению заинтересованности в роли докладчика от заинтересованных сторон на примерном региональном обзоре для Азиатско-Тихоокеанского региона.\n\nДокладчик представляет итоги многосторонней консультации при открытии межправительственного совещания.",
    "zh_hans": "公开征集亚洲及太平洋示例区域审查利益攸关方报告员的意向。\n\n报告员在政府间会议开幕时转达多利益攸关方磋商的成果。",
}
CALL_ELIGIBILITY = {
    "en": "Open to all relevant stakeholders of Asia and the Pacific; migrant voices are encouraged to apply. Selection is made with due regard to geographic and gender balance.",
    "ar": "مفتوحة لجميع أصحاب المصلحة المعنيين في آسيا والمحيط الهادئ؛ ويُشجَّع المهاجرون على التقدم. ويجري الاختيار مع إيلاء الاعتبار الواجب للتوازن الجغرافي والجنساني.",
    "es": "Abierta a todas las partes interesadas pertinentes de Asia y el Pacífico; se alienta a las voces migrantes a postularse. La selección se hace teniendo debidamente en cuenta el equilibrio geográfico y de género.",
    "fr": "Ouvert à toutes les parties prenantes concernées de l'Asie et du Pacifique ; les voix des migrants sont encouragées à postuler. La sélection tient dûment compte de l'équilibre géographique et entre les genres.",
    "ru": "Открыт для всех соответствующих заинтересованных сторон Азиатско-Тихоокеанского региона; мигрантам особенно предлагается подавать заявки. Отбор проводится с должным учетом географического и гендерного баланса.",
    "zh_hans": "面向亚洲及太平洋所有相关利益攸关方开放；鼓励移民发声者申请。甄选时适当考虑地域和性别平衡。",
}
CRITERIA = (
    {
        "en": "Experience of the GCM and its review process",
        "ar": "الخبرة في الاتفاق العالمي من أجل الهجرة وعملية استعراضه",
        "es": "Experiencia en el Pacto Mundial para la Migración y su proceso de examen",
        "fr": "Expérience du Pacte mondial et de son processus d'examen",
        "ru": "Опыт работы с ГДМ и процессом его обзора",
        "zh_hans": "对《移民问题全球契约》及其审查进程的经验",
    },
    {
        "en": "Ability to convey stakeholder views",
        "ar": "القدرة على نقل آراء أصحاب المصلحة",
        "es": "Capacidad para transmitir las opiniones de las partes interesadas",
        "fr": "Capacité à transmettre les points de vue des parties prenantes",
        "ru": "Умение доносить мнения заинтересованных сторон",
        "zh_hans": "转达利益攸关方意见的能力",
    },
    {
        "en": "Lived experience of migration or work with migrant communities",
        "ar": "تجربة معيشة للهجرة أو العمل مع مجتمعات المهاجرين",
        "es": "Experiencia vivida de la migración o trabajo con comunidades migrantes",
        "fr": "Expérience vécue de la migration ou travail avec des communautés de migrants",
        "ru": "Личный опыт миграции или работа с сообществами мигрантов",
        "zh_hans": "亲身移民经历或与移民社区合作的经验",
    },
    {
        "en": "Communication skills in the working languages",
        "ar": "مهارات التواصل بلغات العمل",
        "es": "Capacidad de comunicación en los idiomas de trabajo",
        "fr": "Aptitudes à communiquer dans les langues de travail",
        "ru": "Коммуникативные навыки на рабочих языках",
        "zh_hans": "使用工作语言的沟通能力",
    },
)

# Key messages: (roundtable number or None for general, text).
KEY_MESSAGES = (
    (
        1,
        {
            "en": "Open regular pathways for workers in care, construction and agriculture, with portable social protection.",
            "ar": "فتح مسارات نظامية للعاملين في الرعاية والبناء والزراعة، مع حماية اجتماعية قابلة للنقل.",
            "es": "Abrir vías regulares para trabajadores de los cuidados, la construcción y la agricultura, con protección social transferible.",
            "fr": "Ouvrir des voies régulières pour les travailleurs du soin, de la construction et de l'agriculture, avec une protection sociale transférable.",
            "ru": "Открыть законные пути для работников сферы ухода, строительства и сельского хозяйства с переносимой социальной защитой.",
            "zh_hans": "为护理、建筑和农业工人开辟正常途径，并提供可转移的社会保护。",
        },
    ),
    (
        1,
        {
            "en": "End recruitment fees paid by workers and publish the fees recruiters may charge employers.",
            "ar": "إنهاء رسوم التوظيف التي يدفعها العمال ونشر الرسوم التي يجوز لوكالات التوظيف تقاضيها من أصحاب العمل.",
            "es": "Eliminar las comisiones de contratación pagadas por los trabajadores y publicar las que las agencias pueden cobrar a los empleadores.",
            "fr": "Mettre fin aux frais de recrutement payés par les travailleurs et publier les frais que les recruteurs peuvent facturer aux employeurs.",
            "ru": "Отказаться от сборов за наем, оплачиваемых работниками, и публиковать сборы, которые агентства могут взимать с работодателей.",
            "zh_hans": "终止由工人支付的招聘费，并公布招聘机构可向雇主收取的费用。",
        },
    ),
    (
        2,
        {
            "en": "Coordinate search and rescue at sea between the States of the Bay of Bengal and the Andaman Sea.",
            "ar": "تنسيق البحث والإنقاذ في البحر بين دول خليج البنغال وبحر أندامان.",
            "es": "Coordinar la búsqueda y el salvamento en el mar entre los Estados del golfo de Bengala y el mar de Andamán.",
            "fr": "Coordonner la recherche et le sauvetage en mer entre les États du golfe du Bengale et de la mer d'Andaman.",
            "ru": "Координировать поиск и спасание на море между государствами Бенгальского залива и Андаманского моря.",
            "zh_hans": "协调孟加拉湾和安达曼海沿岸国家之间的海上搜救。",
        },
    ),
    (
        2,
        {
            "en": "Support reintegration that reaches women and children returning home.",
            "ar": "دعم إعادة الإدماج بما يصل إلى النساء والأطفال العائدين إلى ديارهم.",
            "es": "Apoyar una reintegración que llegue a las mujeres y los niños que regresan a su país.",
            "fr": "Soutenir une réintégration qui atteigne les femmes et les enfants rentrant chez eux.",
            "ru": "Поддерживать реинтеграцию, доступную для возвращающихся домой женщин и детей.",
            "zh_hans": "支持惠及回国妇女和儿童的重返社会工作。",
        },
    ),
    (
        3,
        {
            "en": "Give every migrant access to health care and schooling, whatever their status.",
            "ar": "إتاحة الرعاية الصحية والتعليم لكل مهاجر، أيًّا كان وضعه.",
            "es": "Dar a todas las personas migrantes acceso a la atención de salud y a la escolarización, sea cual sea su situación.",
            "fr": "Donner à chaque migrant accès aux soins de santé et à la scolarité, quel que soit son statut.",
            "ru": "Обеспечить каждому мигранту доступ к медицинской помощи и образованию независимо от его статуса.",
            "zh_hans": "无论身份如何，让每位移民都能获得医疗保健和教育。",
        },
    ),
    (
        3,
        {
            "en": "Recognise skills and qualifications across the region.",
            "ar": "الاعتراف بالمهارات والمؤهلات في جميع أنحاء المنطقة.",
            "es": "Reconocer las competencias y las cualificaciones en toda la región.",
            "fr": "Reconnaître les compétences et les qualifications dans toute la région.",
            "ru": "Признавать навыки и квалификации во всем регионе.",
            "zh_hans": "在整个区域承认技能和资格。",
        },
    ),
    (
        4,
        {
            "en": "Collect data by sex, age and migration status, and publish it.",
            "ar": "جمع البيانات مصنفة حسب الجنس والعمر ووضع الهجرة، ونشرها.",
            "es": "Recopilar datos por sexo, edad y situación migratoria, y publicarlos.",
            "fr": "Collecter des données par sexe, âge et statut migratoire, et les publier.",
            "ru": "Собирать данные в разбивке по полу, возрасту и миграционному статусу и публиковать их.",
            "zh_hans": "按性别、年龄和移民身份收集数据并予以公布。",
        },
    ),
    (
        4,
        {
            "en": "Counter xenophobia with facts and the voices of migrants themselves.",
            "ar": "مواجهة كره الأجانب بالحقائق وبأصوات المهاجرين أنفسهم.",
            "es": "Contrarrestar la xenofobia con hechos y con la voz de las propias personas migrantes.",
            "fr": "Contrer la xénophobie par les faits et par la voix des migrants eux-mêmes.",
            "ru": "Противодействовать ксенофобии с помощью фактов и голосов самих мигрантов.",
            "zh_hans": "以事实和移民自身的声音抵制仇外心理。",
        },
    ),
    (
        None,
        {
            "en": "Keep online and hybrid participation at every step of the review.",
            "ar": "الإبقاء على المشاركة عبر الإنترنت والمشاركة المختلطة في كل خطوة من خطوات الاستعراض.",
            "es": "Mantener la participación en línea e híbrida en cada paso del examen.",
            "fr": "Maintenir la participation en ligne et hybride à chaque étape de l'examen.",
            "ru": "Сохранять онлайн- и гибридное участие на каждом этапе обзора.",
            "zh_hans": "在审查的每个步骤保留在线和混合式参与。",
        },
    ),
    (
        None,
        {
            "en": "Include migrants and their organisations in national GCM implementation plans.",
            "ar": "إشراك المهاجرين ومنظماتهم في الخطط الوطنية لتنفيذ الاتفاق العالمي من أجل الهجرة.",
            "es": "Incluir a las personas migrantes y sus organizaciones en los planes nacionales de aplicación del Pacto.",
            "fr": "Associer les migrants et leurs organisations aux plans nationaux de mise en œuvre du Pacte.",
            "ru": "Включать мигрантов и их организации в национальные планы осуществления ГДМ.",
            "zh_hans": "让移民及其组织参与国家《全球契约》执行计划。",
        },
    ),
)

REPORT_INTRODUCTION = {
    "en": "This example outcome report shows what the non-negotiated outcome report of a Regional Review for Asia and the Pacific brings together: the key messages of the four roundtables and where each comes from, the summaries of the consultations and GCM Talks, and who took part. Its data is synthetic.",
    "ar": "يبيّن هذا التقرير الختامي المثال ما يجمعه التقرير الختامي غير المتفاوض عليه لاستعراض إقليمي لآسيا والمحيط الهادئ: الرسائل الرئيسية للموائد المستديرة الأربع ومصدر كل منها، وملخصات المشاورات وحوارات الاتفاق العالمي، ومن شارك فيها. بياناته اصطناعية.",
    "es": "Este informe final de ejemplo muestra lo que reúne el informe final no negociado de un Examen Regional para Asia y el Pacífico: los mensajes clave de las cuatro mesas redondas y su origen, los resúmenes de las consultas y de los Diálogos del Pacto, y quiénes participaron. Sus datos son ficticios.",
    "fr": "Ce rapport final d'exemple montre ce que rassemble le rapport final non négocié d'un examen régional pour l'Asie et le Pacifique : les messages clés des quatre tables rondes et leur origine, les résumés des consultations et des dialogues du Pacte, et qui y a pris part. Ses données sont fictives.",
    "ru": "Этот примерный итоговый доклад показывает, что объединяет несогласованный итоговый доклад регионального обзора для Азиатско-Тихоокеанского региона: ключевые тезисы четырех круглых столов и их источники, резюме консультаций и диалогов по ГДМ, а также состав участников. Его данные вымышлены.",
    "zh_hans": "本示例成果报告展示了亚洲及太平洋区域审查的非谈判性成果报告所汇集的内容：四个圆桌会议的关键信息及其来源、各次磋商和全球契约对话的摘要，以及参与者情况。其数据均为虚构。",
}
REPORT_RAPPORTEUR_FUNCTION = {
    "en": "Stakeholder Rapporteur (example)",
    "ar": "مقرر أصحاب المصلحة (مثال)",
    "es": "Relator o relatora de las partes interesadas (ejemplo)",
    "fr": "Rapporteur des parties prenantes (exemple)",
    "ru": "Докладчик от заинтересованных сторон (пример)",
    "zh_hans": "利益攸关方报告员（示例）",
}
REPORT_RAPPORTEUR_PRESENTATION = {
    "en": "The Rapporteur conveyed the outcomes of the multi-stakeholder consultation at the opening of the meeting: regular pathways and fair recruitment, saving lives at sea, access to services whatever one's status, and the participation of migrants at every step of the review (example).",
    "ar": "نقل المقرر نتائج مشاورة أصحاب المصلحة المتعددين في افتتاح الاجتماع: المسارات النظامية والتوظيف العادل، وإنقاذ الأرواح في البحر، والحصول على الخدمات أيًّا كان الوضع، ومشاركة المهاجرين في كل خطوة من خطوات الاستعراض (مثال).",
    "es": "El relator o la relatora transmitió los resultados de la consulta de múltiples partes interesadas en la apertura de la reunión: vías regulares y contratación equitativa, salvar vidas en el mar, acceso a los servicios sea cual sea la situación migratoria y participación de las personas migrantes en cada paso del examen (ejemplo).",
    "fr": "Le rapporteur a transmis les résultats de la consultation multipartite à l'ouverture de la réunion : voies régulières et recrutement équitable, sauvetage de vies en mer, accès aux services quel que soit le statut, et participation des migrants à chaque étape de l'examen (exemple).",
    "ru": "Докладчик представил итоги многосторонней консультации при открытии совещания: законные пути миграции и добросовестный наем, спасение жизней на море, доступ к услугам независимо от статуса и участие мигрантов на каждом этапе обзора (пример).",
    "zh_hans": "报告员在会议开幕时转达了多利益攸关方磋商的成果：正常途径和公平招聘、海上救生、无论身份如何均可获得服务，以及移民参与审查的每个步骤（示例）。",
}
REPORT_CONCLUSIONS = {
    "en": "Stakeholders will follow up the key messages in the national implementation of the Global Compact and in the discussion space of the region on the Migration Network Hub (example).",
    "ar": "سيتابع أصحاب المصلحة الرسائل الرئيسية في التنفيذ الوطني للاتفاق العالمي وفي فضاء النقاش الخاص بالمنطقة على مركز شبكة الهجرة (مثال).",
    "es": "Las partes interesadas darán seguimiento a los mensajes clave en la aplicación nacional del Pacto Mundial y en el espacio de debate de la región en el Centro de la Red sobre la Migración (ejemplo).",
    "fr": "Les parties prenantes donneront suite aux messages clés dans la mise en œuvre nationale du Pacte mondial et dans l'espace de discussion de la région sur le Hub du Réseau sur les migrations (exemple).",
    "ru": "Заинтересованные стороны будут отслеживать выполнение ключевых тезисов в ходе национального осуществления Глобального договора и в региональном пространстве для обсуждений на портале Сети по миграции (пример).",
    "zh_hans": "利益攸关方将在《全球契约》的国家执行工作中以及移民网络中心的本区域讨论空间中跟进这些关键信息（示例）。",
}
REPORT_INPUTS_INTRODUCTION = {
    "en": "Stakeholders sent written inputs to the example review before its deadline; the accepted ones are listed here.",
    "ar": "أرسل أصحاب المصلحة مساهمات مكتوبة إلى الاستعراض المثال قبل الموعد النهائي؛ وترد هنا المساهمات المقبولة.",
    "es": "Las partes interesadas enviaron contribuciones escritas al examen de ejemplo antes del plazo; aquí se enumeran las aceptadas.",
    "fr": "Les parties prenantes ont envoyé des contributions écrites à l'examen d'exemple avant la date limite ; celles qui ont été acceptées sont listées ici.",
    "ru": "Заинтересованные стороны направили письменные материалы для примерного обзора до установленного срока; здесь перечислены принятые материалы.",
    "zh_hans": "利益攸关方在截止日期前向示例审查提交了书面意见；此处列出已采纳的意见。",
}
