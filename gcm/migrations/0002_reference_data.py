"""Reference data of the Global Compact for Safe, Orderly and Regular Migration.

Source: General Assembly resolution A/RES/73/195 (annex), in the six official UN
languages: stakeholder sectors (para 44), the 23 objectives (para 16), the regions of
the GCM Regional Reviews, and the UNECE member States grouped in sub-regions.

Translated fields are django-modeltranslation columns (``name_en`` ... ``name_zh_hans``,
``title_en`` ... ``title_zh_hans``); the plain field (``name`` / ``title``) gets the
English text. The data below is plain Python so it can be read and checked without
Django.
"""

from django.db import migrations

# Language suffixes of the modeltranslation columns (settings.LANGUAGES, "-" -> "_").
LANGUAGES = ("en", "ar", "es", "fr", "ru", "zh_hans")


# --------------------------------------------------------------------------------------
# 1. Stakeholder sectors, GCM para 44, in the order of the paragraph (position 1..13).
# --------------------------------------------------------------------------------------
SECTORS = (
    (
        "migrants",
        {
            "en": "Migrants",
            "ar": "المهاجرون",
            "es": "Migrantes",
            "fr": "Migrants",
            "ru": "Мигранты",
            "zh_hans": "移民",
        },
    ),
    (
        "civil-society",
        {
            "en": "Civil society",
            "ar": "المجتمع المدني",
            "es": "Sociedad civil",
            "fr": "Société civile",
            "ru": "Гражданское общество",
            "zh_hans": "民间社会",
        },
    ),
    (
        "migrant-diaspora",
        {
            "en": "Migrant and diaspora organizations",
            "ar": "منظمات المهاجرين والمغتربين",
            "es": "Organizaciones de migrantes y de la diáspora",
            "fr": "Organisations de migrants et de la diaspora",
            "ru": "Организации мигрантов и диаспор",
            "zh_hans": "移民和侨民组织",
        },
    ),
    (
        "faith-based",
        {
            "en": "Faith-based organizations",
            "ar": "المنظمات الدينية",
            "es": "Organizaciones confesionales",
            "fr": "Organisations confessionnelles",
            "ru": "Религиозные организации",
            "zh_hans": "信仰组织",
        },
    ),
    (
        "local-authorities",
        {
            "en": "Local authorities and communities",
            "ar": "السلطات والمجتمعات المحلية",
            "es": "Autoridades y comunidades locales",
            "fr": "Autorités et communautés locales",
            "ru": "Местные органы власти и общины",
            "zh_hans": "地方当局和社区",
        },
    ),
    (
        "private-sector",
        {
            "en": "Private sector",
            "ar": "القطاع الخاص",
            "es": "Sector privado",
            "fr": "Secteur privé",
            "ru": "Частный сектор",
            "zh_hans": "私营部门",
        },
    ),
    (
        "trade-unions",
        {
            "en": "Trade unions",
            "ar": "النقابات العمالية",
            "es": "Sindicatos",
            "fr": "Syndicats",
            "ru": "Профсоюзы",
            "zh_hans": "工会",
        },
    ),
    (
        "parliamentarians",
        {
            "en": "Parliamentarians",
            "ar": "البرلمانيون",
            "es": "Parlamentarios",
            "fr": "Parlementaires",
            "ru": "Парламентарии",
            "zh_hans": "议员",
        },
    ),
    (
        "nhri",
        {
            "en": "National Human Rights Institutions",
            "ar": "المؤسسات الوطنية لحقوق الإنسان",
            "es": "Instituciones nacionales de derechos humanos",
            "fr": "Institutions nationales des droits de l'homme",
            "ru": "Национальные правозащитные учреждения",
            "zh_hans": "国家人权机构",
        },
    ),
    (
        "red-cross",
        {
            "en": "International Red Cross and Red Crescent Movement",
            "ar": "الحركة الدولية للصليب الأحمر والهلال الأحمر",
            "es": "Movimiento Internacional de la Cruz Roja y de la Media Luna Roja",
            "fr": "Mouvement international de la Croix-Rouge et du Croissant-Rouge",
            "ru": "Международное движение Красного Креста и Красного Полумесяца",
            "zh_hans": "国际红十字与红新月运动",
        },
    ),
    (
        "academia",
        {
            "en": "Academia",
            "ar": "الأوساط الأكاديمية",
            "es": "Instituciones académicas",
            "fr": "Milieux universitaires",
            "ru": "Научные круги",
            "zh_hans": "学术界",
        },
    ),
    (
        "media",
        {
            "en": "Media",
            "ar": "وسائط الإعلام",
            "es": "Medios de comunicación",
            "fr": "Médias",
            "ru": "Средства массовой информации",
            "zh_hans": "媒体",
        },
    ),
    (
        "other",
        {
            "en": "Other relevant stakeholders",
            "ar": "أصحاب المصلحة المعنيون الآخرون",
            "es": "Otros interesados pertinentes",
            "fr": "Autres parties prenantes concernées",
            "ru": "Другие соответствующие заинтересованные стороны",
            "zh_hans": "其他相关利益攸关方",
        },
    ),
)


# --------------------------------------------------------------------------------------
# 2. The 23 objectives, GCM para 16 (official titles, no trailing period).
# --------------------------------------------------------------------------------------
OBJECTIVES = (
    (
        1,
        {
            "en": "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies",
            "ar": "جمع واستخدام بيانات دقيقة ومصنفة كأساس لوضع سياسات قائمة على الأدلة",
            "es": "Recopilar y utilizar datos exactos y desglosados para formular políticas con base empírica",
            "fr": "Collecter et utiliser des données précises et ventilées qui serviront à l'élaboration de politiques fondées sur la connaissance des faits",
            "ru": "Сбор и использование точных и дезагрегированных данных в качестве основы для выработки эмпирически обоснованной политики",
            "zh_hans": "收集和利用准确和分类的数据，作为循证政策的依据",
        },
    ),
    (
        2,
        {
            "en": "Minimize the adverse drivers and structural factors that compel people to leave their country of origin",
            "ar": "التقليل إلى أدنى حد من الدوافع السلبية والعوامل الهيكلية التي تضطر الناس إلى مغادرة بلدهم الأصلي",
            "es": "Minimizar los factores adversos y estructurales que obligan a las personas a abandonar su país de origen",
            "fr": "Lutter contre les facteurs négatifs et les problèmes structurels qui poussent des personnes à quitter leur pays d'origine",
            "ru": "Сведение к минимуму неблагоприятного воздействия различных сил и структурных факторов, которые заставляют людей покидать страну своего происхождения",
            "zh_hans": "尽量减少迫使人们离开原籍国的不利驱动因素和结构性因素",
        },
    ),
    (
        3,
        {
            "en": "Provide accurate and timely information at all stages of migration",
            "ar": "توفير معلومات دقيقة وفي الوقت المناسب في جميع مراحل الهجرة",
            "es": "Proporcionar información exacta y oportuna en todas las etapas de la migración",
            "fr": "Fournir dans les meilleurs délais des informations exactes à toutes les étapes de la migration",
            "ru": "Предоставление точной и своевременной информации на всех этапах миграции",
            "zh_hans": "在移民的所有阶段提供准确和及时的信息",
        },
    ),
    (
        4,
        {
            "en": "Ensure that all migrants have proof of legal identity and adequate documentation",
            "ar": "ضمان حصول جميع المهاجرين على ما يثبت هويتهم القانونية وعلى الوثائق الملائمة",
            "es": "Velar por que todos los migrantes tengan pruebas de su identidad jurídica y documentación adecuada",
            "fr": "Munir tous les migrants d'une preuve d'identité légale et de papiers adéquats",
            "ru": "Обеспечение наличия у всех мигрантов документов, удостоверяющих их личность, и надлежащих документов",
            "zh_hans": "确保所有移民都有合法身份证明和适当证件",
        },
    ),
    (
        5,
        {
            "en": "Enhance availability and flexibility of pathways for regular migration",
            "ar": "تعزيز توافر مسارات الهجرة النظامية ومرونتها",
            "es": "Aumentar la disponibilidad y flexibilidad de las vías de migración regular",
            "fr": "Faire en sorte que les filières de migration régulière soient accessibles et plus souples",
            "ru": "Повышение доступности и гибкости путей легальной миграции",
            "zh_hans": "提高正常移民途径的可用性和灵活性",
        },
    ),
    (
        6,
        {
            "en": "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work",
            "ar": "تيسير التوظيف المنصف والأخلاقي وضمان الظروف التي تكفل العمل اللائق",
            "es": "Facilitar la contratación equitativa y ética y salvaguardar las condiciones que garantizan el trabajo decente",
            "fr": "Favoriser des pratiques de recrutement justes et éthiques et assurer les conditions d'un travail décent",
            "ru": "Содействие справедливому и этичному найму и обеспечение условий, гарантирующих достойный труд",
            "zh_hans": "促进公平和合乎道德的招聘，保障确保体面工作的条件",
        },
    ),
    (
        7,
        {
            "en": "Address and reduce vulnerabilities in migration",
            "ar": "معالجة أوجه الضعف في الهجرة والحد منها",
            "es": "Abordar y reducir las vulnerabilidades en la migración",
            "fr": "S'attaquer aux facteurs de vulnérabilité liés aux migrations et les réduire",
            "ru": "Устранение и уменьшение факторов уязвимости в процессе миграции",
            "zh_hans": "应对和减少移民方面的脆弱性",
        },
    ),
    (
        8,
        {
            "en": "Save lives and establish coordinated international efforts on missing migrants",
            "ar": "إنقاذ الأرواح وتنسيق الجهود الدولية المتعلقة بالمهاجرين المفقودين",
            "es": "Salvar vidas y emprender iniciativas internacionales coordinadas sobre los migrantes desaparecidos",
            "fr": "Sauver des vies et mettre en place une action internationale coordonnée pour retrouver les migrants disparus",
            "ru": "Спасение жизни людей и принятие скоординированных международных мер в связи с пропавшими без вести мигрантами",
            "zh_hans": "拯救生命，在失踪移民问题上开展协调一致的国际努力",
        },
    ),
    (
        9,
        {
            "en": "Strengthen the transnational response to smuggling of migrants",
            "ar": "تعزيز الاستجابة عبر الوطنية لتهريب المهاجرين",
            "es": "Reforzar la respuesta transnacional al tráfico ilícito de migrantes",
            "fr": "Renforcer l'action transnationale face au trafic de migrants",
            "ru": "Активизация транснациональных мер по борьбе с незаконным ввозом мигрантов",
            "zh_hans": "加强跨国应对偷运移民行为",
        },
    ),
    (
        10,
        {
            "en": "Prevent, combat and eradicate trafficking in persons in the context of international migration",
            "ar": "منع الاتجار بالأشخاص ومكافحته والقضاء عليه في سياق الهجرة الدولية",
            "es": "Prevenir, combatir y erradicar la trata de personas en el contexto de la migración internacional",
            "fr": "Prévenir, combattre et éliminer la traite de personnes dans le cadre des migrations internationales",
            "ru": "Предупреждение торговли людьми в контексте международной миграции, борьба с ней и ее искоренение",
            "zh_hans": "在国际移民背景下预防、打击和根除贩运人口行为",
        },
    ),
    (
        11,
        {
            "en": "Manage borders in an integrated, secure and coordinated manner",
            "ar": "إدارة الحدود بطريقة متكاملة وآمنة ومنسقة",
            "es": "Gestionar las fronteras de manera integrada, segura y coordinada",
            "fr": "Gérer les frontières de manière intégrée, sûre et coordonnée",
            "ru": "Комплексное, безопасное и скоординированное управление границами",
            "zh_hans": "以综合、安全和协调的方式管理边境",
        },
    ),
    (
        12,
        {
            "en": "Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral",
            "ar": "تعزيز اليقين وإمكانية التنبؤ في إجراءات الهجرة من أجل الفرز والتقييم والإحالة على النحو المناسب",
            "es": "Aumentar la certidumbre y previsibilidad de los procedimientos migratorios para la adecuada verificación de antecedentes, evaluación y derivación",
            "fr": "Veiller à l'invariabilité et à la prévisibilité des procédures migratoires pour assurer des contrôles, des évaluations et une orientation appropriés",
            "ru": "Повышение определенности и предсказуемости миграционных процедур в целях надлежащей проверки, оценки и направления",
            "zh_hans": "加强移民程序的确定性和可预测性，以便进行适当的甄别、评估和转介",
        },
    ),
    (
        13,
        {
            "en": "Use migration detention only as a measure of last resort and work towards alternatives",
            "ar": "عدم اللجوء إلى احتجاز المهاجرين إلا كملاذ أخير والعمل على إيجاد بدائل له",
            "es": "Utilizar la detención de migrantes solo como último recurso y buscar otras alternativas",
            "fr": "Ne recourir au placement en rétention administrative des migrants qu'en dernier ressort et chercher des solutions de rechange",
            "ru": "Использование задержания мигрантов лишь в качестве крайней меры и поиск альтернатив",
            "zh_hans": "仅将移民拘留作为最后手段，并努力寻找替代办法",
        },
    ),
    (
        14,
        {
            "en": "Enhance consular protection, assistance and cooperation throughout the migration cycle",
            "ar": "تعزيز الحماية والمساعدة والتعاون على الصعيد القنصلي طوال دورة الهجرة",
            "es": "Mejorar la protección, asistencia y cooperación consulares a lo largo de todo el ciclo migratorio",
            "fr": "Renforcer la protection, l'assistance et la coopération consulaires tout au long du cycle migratoire",
            "ru": "Усиление консульской защиты, помощи и сотрудничества на протяжении всего миграционного цикла",
            "zh_hans": "在整个移民周期加强领事保护、援助与合作",
        },
    ),
    (
        15,
        {
            "en": "Provide access to basic services for migrants",
            "ar": "توفير إمكانية حصول المهاجرين على الخدمات الأساسية",
            "es": "Proporcionar a los migrantes acceso a servicios básicos",
            "fr": "Assurer l'accès des migrants aux services de base",
            "ru": "Обеспечение доступа мигрантов к базовым услугам",
            "zh_hans": "为移民提供获得基本服务的机会",
        },
    ),
    (
        16,
        {
            "en": "Empower migrants and societies to realize full inclusion and social cohesion",
            "ar": "تمكين المهاجرين والمجتمعات من تحقيق الإدماج الكامل والتماسك الاجتماعي",
            "es": "Empoderar a los migrantes y las sociedades para lograr la plena inclusión y la cohesión social",
            "fr": "Donner aux migrants et aux sociétés des moyens en faveur de la pleine intégration et de la cohésion sociale",
            "ru": "Расширение прав и возможностей мигрантов и общества в целях обеспечения полной интеграции и социальной сплоченности",
            "zh_hans": "增强移民和社会的权能，以实现充分包容和社会凝聚力",
        },
    ),
    (
        17,
        {
            "en": "Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration",
            "ar": "القضاء على جميع أشكال التمييز وتشجيع الخطاب العام المستند إلى الأدلة من أجل تشكيل التصورات عن الهجرة",
            "es": "Eliminar todas las formas de discriminación y promover un discurso público con base empírica para modificar las percepciones de la migración",
            "fr": "Éliminer toutes les formes de discrimination et encourager un débat public fondé sur l'analyse des faits afin de faire évoluer la manière dont les migrations sont perçues",
            "ru": "Искоренение всех форм дискриминации и поощрение основанного на фактах публичного дискурса для формирования представлений о миграции",
            "zh_hans": "消除一切形式的歧视，促进以证据为基础的公共话语，以塑造对移民的看法",
        },
    ),
    (
        18,
        {
            "en": "Invest in skills development and facilitate mutual recognition of skills, qualifications and competences",
            "ar": "الاستثمار في تنمية المهارات وتيسير الاعتراف المتبادل بالمهارات والمؤهلات والكفاءات",
            "es": "Invertir en el desarrollo de aptitudes y facilitar el reconocimiento mutuo de aptitudes, cualificaciones y competencias",
            "fr": "Investir dans le perfectionnement des compétences et faciliter la reconnaissance mutuelle des aptitudes, qualifications et compétences",
            "ru": "Инвестирование в развитие навыков и содействие взаимному признанию навыков, квалификаций и компетенций",
            "zh_hans": "投资于技能发展，促进技能、资格和能力的相互承认",
        },
    ),
    (
        19,
        {
            "en": "Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries",
            "ar": "تهيئة الظروف اللازمة لكي يسهم المهاجرون والمغتربون إسهاما كاملا في التنمية المستدامة في جميع البلدان",
            "es": "Crear las condiciones necesarias para que los migrantes y las diásporas puedan contribuir plenamente al desarrollo sostenible en todos los países",
            "fr": "Créer les conditions permettant aux migrants et aux diasporas de contribuer pleinement au développement durable dans tous les pays",
            "ru": "Создание условий, позволяющих мигрантам и диаспорам в полной мере содействовать устойчивому развитию во всех странах",
            "zh_hans": "为移民和侨民充分促进所有国家的可持续发展创造条件",
        },
    ),
    (
        20,
        {
            "en": "Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants",
            "ar": "تشجيع إرسال التحويلات المالية بطرق أسرع وأكثر أمانا وأقل تكلفة وتيسير الشمول المالي للمهاجرين",
            "es": "Promover transferencias de remesas más rápidas, seguras y económicas y fomentar la inclusión financiera de los migrantes",
            "fr": "Rendre les envois de fonds plus rapides, plus sûrs et moins coûteux et favoriser l'inclusion financière des migrants",
            "ru": "Содействие более быстрым, безопасным и дешевым денежным переводам и поощрение финансовой интеграции мигрантов",
            "zh_hans": "促进更快、更安全、更便宜的汇款，并促进移民的金融包容",
        },
    ),
    (
        21,
        {
            "en": "Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration",
            "ar": "التعاون على تيسير العودة وإعادة القبول في ظروف آمنة وكريمة، وكذلك إعادة الإدماج المستدامة",
            "es": "Colaborar para facilitar el regreso y la readmisión en condiciones de seguridad y dignidad, así como la reintegración sostenible",
            "fr": "Coopérer en vue de faciliter le retour et la réadmission des migrants en toute sécurité et dignité, ainsi que leur réintégration durable",
            "ru": "Сотрудничество в целях содействия безопасному и достойному возвращению и реадмиссии, а также устойчивой реинтеграции",
            "zh_hans": "在便利安全和有尊严的返回和重新接纳以及可持续的重新融入方面开展合作",
        },
    ),
    (
        22,
        {
            "en": "Establish mechanisms for the portability of social security entitlements and earned benefits",
            "ar": "إنشاء آليات لنقل استحقاقات الضمان الاجتماعي والمستحقات المكتسبة",
            "es": "Establecer mecanismos para la portabilidad de la seguridad social y las prestaciones adquiridas",
            "fr": "Mettre en place des mécanismes de portabilité des droits de sécurité sociale et des avantages acquis",
            "ru": "Создание механизмов обеспечения переносимости прав на социальное обеспечение и заработанных пособий",
            "zh_hans": "建立社会保障权利和既得福利的可携带机制",
        },
    ),
    (
        23,
        {
            "en": "Strengthen international cooperation and global partnerships for safe, orderly and regular migration",
            "ar": "تعزيز التعاون الدولي والشراكات العالمية من أجل الهجرة الآمنة والمنظمة والنظامية",
            "es": "Fortalecer la cooperación internacional y las alianzas mundiales para la migración segura, ordenada y regular",
            "fr": "Renforcer la coopération internationale et les partenariats mondiaux pour des migrations sûres, ordonnées et régulières",
            "ru": "Укрепление международного сотрудничества и глобальных партнерств в интересах безопасной, упорядоченной и легальной миграции",
            "zh_hans": "加强国际合作和全球伙伴关系，促进安全、有序和正常移民",
        },
    ),
)


# --------------------------------------------------------------------------------------
# 3. Regions of the GCM Regional Reviews (position 1..5 in this order).
# --------------------------------------------------------------------------------------
REGIONS = (
    (
        "africa",
        {
            "en": "Africa",
            "ar": "أفريقيا",
            "es": "África",
            "fr": "Afrique",
            "ru": "Африка",
            "zh_hans": "非洲",
        },
    ),
    (
        "unece",
        {
            "en": "Europe and North America (UNECE)",
            "ar": "أوروبا وأمريكا الشمالية (اللجنة الاقتصادية لأوروبا)",
            "es": "Europa y América del Norte (CEPE)",
            "fr": "Europe et Amérique du Nord (CEE-ONU)",
            "ru": "Европа и Северная Америка (ЕЭК ООН)",
            "zh_hans": "欧洲和北美（欧洲经委会）",
        },
    ),
    (
        "lac",
        {
            "en": "Latin America and the Caribbean",
            "ar": "أمريكا اللاتينية ومنطقة البحر الكاريبي",
            "es": "América Latina y el Caribe",
            "fr": "Amérique latine et Caraïbes",
            "ru": "Латинская Америка и Карибский бассейн",
            "zh_hans": "拉丁美洲和加勒比",
        },
    ),
    (
        "asia-pacific",
        {
            "en": "Asia-Pacific",
            "ar": "آسيا والمحيط الهادئ",
            "es": "Asia y el Pacífico",
            "fr": "Asie-Pacifique",
            "ru": "Азиатско-Тихоокеанский регион",
            "zh_hans": "亚洲及太平洋",
        },
    ),
    (
        "arab",
        {
            "en": "Arab region / Middle East and North Africa",
            "ar": "المنطقة العربية / الشرق الأوسط وشمال أفريقيا",
            "es": "Región árabe / Oriente Medio y Norte de África",
            "fr": "Région arabe / Moyen-Orient et Afrique du Nord",
            "ru": "Арабский регион / Ближний Восток и Северная Африка",
            "zh_hans": "阿拉伯区域/中东和北非",
        },
    ),
)


# --------------------------------------------------------------------------------------
# 4. Sub-regions of the UNECE region (position 1..8 in this order).
# --------------------------------------------------------------------------------------
SUBREGION_REGION = "unece"

SUBREGIONS = (
    (
        "eu-eea",
        {
            "en": "EU and EEA",
            "ar": "الاتحاد الأوروبي والمنطقة الاقتصادية الأوروبية",
            "es": "UE y EEE",
            "fr": "UE et EEE",
            "ru": "ЕС и ЕЭП",
            "zh_hans": "欧盟和欧洲经济区",
        },
    ),
    (
        "western-balkans",
        {
            "en": "Western Balkans",
            "ar": "غرب البلقان",
            "es": "Balcanes Occidentales",
            "fr": "Balkans occidentaux",
            "ru": "Западные Балканы",
            "zh_hans": "西巴尔干",
        },
    ),
    (
        "eastern-europe",
        {
            "en": "Eastern Europe",
            "ar": "أوروبا الشرقية",
            "es": "Europa Oriental",
            "fr": "Europe orientale",
            "ru": "Восточная Европа",
            "zh_hans": "东欧",
        },
    ),
    (
        "south-caucasus",
        {
            "en": "South Caucasus",
            "ar": "جنوب القوقاز",
            "es": "Cáucaso Meridional",
            "fr": "Caucase du Sud",
            "ru": "Южный Кавказ",
            "zh_hans": "南高加索",
        },
    ),
    (
        "central-asia",
        {
            "en": "Central Asia",
            "ar": "آسيا الوسطى",
            "es": "Asia Central",
            "fr": "Asie centrale",
            "ru": "Центральная Азия",
            "zh_hans": "中亚",
        },
    ),
    (
        "north-america",
        {
            "en": "North America",
            "ar": "أمريكا الشمالية",
            "es": "América del Norte",
            "fr": "Amérique du Nord",
            "ru": "Северная Америка",
            "zh_hans": "北美",
        },
    ),
    (
        "other-europe",
        {
            "en": "Other European States",
            "ar": "دول أوروبية أخرى",
            "es": "Otros Estados europeos",
            "fr": "Autres États européens",
            "ru": "Другие европейские государства",
            "zh_hans": "其他欧洲国家",
        },
    ),
    (
        "western-asia",
        {
            "en": "Western Asia",
            "ar": "غرب آسيا",
            "es": "Asia Occidental",
            "fr": "Asie occidentale",
            "ru": "Западная Азия",
            "zh_hans": "西亚",
        },
    ),
)


# --------------------------------------------------------------------------------------
# 5. The 56 UNECE member States (ISO 3166-1 alpha-2), by sub-region.
# --------------------------------------------------------------------------------------
EU_MEMBERS = (
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
)  # fmt: skip

UNECE_MEMBER_STATES = {
    "eu-eea": (*EU_MEMBERS, "IS", "LI", "NO"),
    "western-balkans": ("AL", "BA", "ME", "MK", "RS"),
    "eastern-europe": ("BY", "MD", "RU", "UA"),
    "south-caucasus": ("AM", "AZ", "GE"),
    "central-asia": ("KZ", "KG", "TJ", "TM", "UZ"),
    "north-america": ("CA", "US"),
    "other-europe": ("AD", "CH", "GB", "MC", "SM", "TR"),
    "western-asia": ("IL",),
}

UNECE_CODES = tuple(code for codes in UNECE_MEMBER_STATES.values() for code in codes)

assert len(EU_MEMBERS) == len(set(EU_MEMBERS)) == 27, "the EU has 27 member States"
assert len(UNECE_CODES) == len(set(UNECE_CODES)) == 56, "UNECE has 56 distinct member States"
assert set(UNECE_MEMBER_STATES) == {code for code, _names in SUBREGIONS}


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
    Sector = apps.get_model("gcm", "Sector")
    Objective = apps.get_model("gcm", "Objective")
    Region = apps.get_model("gcm", "Region")
    SubRegion = apps.get_model("gcm", "SubRegion")
    MemberState = apps.get_model("gcm", "MemberState")

    for position, (code, names) in enumerate(SECTORS, start=1):
        Sector.objects.using(db).update_or_create(
            code=code, defaults={"position": position, **_translated("name", names)}
        )

    for number, titles in OBJECTIVES:
        Objective.objects.using(db).update_or_create(
            number=number, defaults=_translated("title", titles)
        )

    regions = {}
    for position, (code, names) in enumerate(REGIONS, start=1):
        regions[code], _created = Region.objects.using(db).update_or_create(
            code=code, defaults={"position": position, **_translated("name", names)}
        )

    unece = regions[SUBREGION_REGION]
    subregions = {}
    for position, (code, names) in enumerate(SUBREGIONS, start=1):
        subregions[code], _created = SubRegion.objects.using(db).update_or_create(
            code=code,
            defaults={"region": unece, "position": position, **_translated("name", names)},
        )

    for subregion_code, countries in UNECE_MEMBER_STATES.items():
        for country in countries:
            MemberState.objects.using(db).update_or_create(
                region=unece,
                country=country,
                defaults={"subregion": subregions[subregion_code]},
            )


def unload(apps, schema_editor):
    db = schema_editor.connection.alias
    Sector = apps.get_model("gcm", "Sector")
    Objective = apps.get_model("gcm", "Objective")
    Region = apps.get_model("gcm", "Region")
    SubRegion = apps.get_model("gcm", "SubRegion")
    MemberState = apps.get_model("gcm", "MemberState")

    MemberState.objects.using(db).filter(
        region__code=SUBREGION_REGION, country__in=UNECE_CODES
    ).delete()
    SubRegion.objects.using(db).filter(code__in=[code for code, _names in SUBREGIONS]).delete()
    Region.objects.using(db).filter(code__in=[code for code, _names in REGIONS]).delete()
    Objective.objects.using(db).filter(
        number__in=[number for number, _titles in OBJECTIVES]
    ).delete()
    Sector.objects.using(db).filter(code__in=[code for code, _names in SECTORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("gcm", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load, unload),
    ]
