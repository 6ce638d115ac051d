import type { MethodDefinitionInput } from '../schema';

/** Merging of Knowledge (ATD Fourth World), stages MK-0 to MK-10 as in METHODS.md §1(c). */
export const mergingOfKnowledge = {
  id: 'merging-of-knowledge',
  version: 1,
  title: {
    he: 'מיזוג ידע',
    ar: 'دمج المعارف',
    en: 'Merging of Knowledge',
  },
  summary: {
    he: 'אנשים עם ניסיון חיים, אנשי ונשות מקצוע ואנשי ונשות אקדמיה בונים קודם ידע משלהם, כל קבוצה בנפרד, במילים שלה ובקצב שלה. אחר כך נציגות ונציגים של הקבוצות נפגשים כדי למזג את שלושת סוגי הידע לממצאים משותפים, וכל קבוצה בודקת ומאשרת אותם. השיטה מתאימה ליוזמה שרוצה שמי שחיים את הבעיה יעצבו את מה שלומדים עליה, מהשאלה הראשונה ועד הטקסט הסופי.',
    ar: 'يبني أصحاب التجربة الحياتية والمهنيون والأكاديميون معرفتهم أولًا، كل مجموعة على حدة، بكلماتها وبالوتيرة التي تناسبها. بعد ذلك يلتقي ممثلو المجموعات لدمج أنواع المعرفة الثلاثة في نتائج مشتركة، تراجعها كل مجموعة وتوافق عليها. تناسب هذه الطريقة كل مبادرة تريد أن يشارك من يعيشون المشكلة في تشكيل ما نتعلّمه عنها، من السؤال الأول حتى النص النهائي.',
    en: 'People with lived experience, practitioners and academics first build their own knowledge, each group separately, in its own words and at its own pace. Then representatives of the groups meet to merge the three kinds of knowledge into shared findings, which every group checks and approves. It suits an initiative that wants the people who live a problem to shape what is learned about it, from the first question to the final text.',
  },
  source:
    'ATD Fourth World, Guidelines for the Merging of Knowledge and Practices; Bray et al. (2020), The Hidden Dimensions of Poverty; METHODS.md §1',
  stages: [
    {
      id: 'MK-0',
      title: {
        he: 'פתיחה: ההסכם, הצוות והקבוצות',
        ar: 'البداية: الاتفاق والفريق والمجموعات',
        en: 'Set-up: our agreement, team and groups',
      },
      purpose: {
        he: 'לפני שמישהו משתף ידע, מסכימים יחד איך נעבוד: מה נשאר חסוי, איך נתייחס למילים של כל אחת ואחד, ומי עובד באיזו קבוצה. בסוף השלב כולם קיבלו את ההסכם, ואף אחד לא נמצא בקבוצה עם מי שהוא תלוי בו.',
        ar: 'قبل أن يشارك أحد معرفته، نتّفق معًا على طريقة عملنا: ما الذي يبقى سرّيًا، وكيف نتعامل مع كلام كل واحد منّا، ومن يعمل في أي مجموعة. في نهاية المرحلة يكون الجميع قد وافقوا على الاتفاق، ولا يكون أحد في مجموعة مع شخص يعتمد عليه.',
        en: 'Before anyone shares what they know, we agree together how we will work: what stays confidential, how we treat what each person says and writes, and who works in which group. At the end, everyone has accepted the agreement and no one is in a group with someone they depend on.',
      },
      prompts: [
        {
          he: 'אלה ההסכמות של הקבוצה על סודיות: מה שנאמר כאן נשאר כאן, אלא אם הקבוצה מחליטה לשתף אותו. מסכימים? מה הייתם רוצים להוסיף?',
          ar: 'هذه اتفاقات المجموعة حول السرّية: ما يُقال هنا يبقى هنا، إلا إذا قرّرت المجموعة مشاركته. هل توافقون؟ ماذا تريدون أن تضيفوا؟',
          en: "Here are the group's agreements on confidentiality: what is said here stays here unless the group decides to share it. Do you agree? What would you add?",
        },
        {
          he: 'יש לכם קשר אישי או מקצועי עם מישהו או מישהי ביוזמה הזאת? למשל: מקבל/ת שירות ומי שנותן/ת אותו, עובד/ת סוציאלי/ת שמלווה אתכם, מעסיק/ה או בעל/ת הדירה.',
          ar: 'هل تربطكم علاقة شخصية أو مهنية بأحد في هذه المبادرة؟ مثلًا: متلقّي خدمة ومن يقدّمها له، عامل/ة اجتماعي/ة يتابع وضعكم، صاحب/ة عمل، أو مالك/ة البيت الذي تسكنونه.',
          en: 'Do you have a personal or professional relationship with anyone in this initiative? For example: client, caseworker, employer, landlord or service provider.',
        },
      ],
      participation: 'everyone',
      artefact: 'contract',
      exit: 'everyone_accepted_contract',
      evidence: 'documented',
    },
    {
      id: 'MK-1',
      title: {
        he: 'מנסחים את השאלה יחד',
        ar: 'نصوغ السؤال معًا',
        en: 'Shaping the question together',
      },
      purpose: {
        he: 'מי שחיים את הנושא שותפים לניסוח השאלה כבר מההתחלה. כל קבוצה אומרת במילים שלה מה אנחנו מנסים להבין ומה חסר, ובסוף השלב יש לנו את הנוסח של כל קבוצה ושאלה אחת משותפת שנעבוד איתה.',
        ar: 'يشارك من يعيشون المشكلة في صياغة السؤال منذ البداية. تقول كل مجموعة بكلماتها ما الذي نحاول فهمه وما الذي ينقص، وفي نهاية المرحلة تكون لدينا صيغة كل مجموعة وسؤال واحد مشترك نعمل عليه.',
        en: "People who live the problem help shape the question from the very start. Each group says in its own words what we are trying to understand and what is missing; at the end we have each group's version and one shared question to work on.",
      },
      prompts: [
        {
          he: 'במילים שלכם: מה היוזמה הזאת מנסה להבין?',
          ar: 'بكلماتكم: ما الذي تحاول هذه المبادرة أن تفهمه؟',
          en: 'In your own words, what is this initiative trying to understand?',
        },
        {
          he: 'מה כדאי שנשאל, שאף אחד לא שואל?',
          ar: 'ما الذي يجب أن نسأل عنه ولا يسأل عنه أحد؟',
          en: 'What should we be asking that nobody asks?',
        },
        {
          he: 'אילו מילים בשאלה הזאת לא מתאימות לחיים שלכם?',
          ar: 'أيّ كلمات في هذا السؤال لا تناسب حياتكم؟',
          en: 'Which words in this question do not fit your life?',
        },
      ],
      participation: 'each_group',
      artefact: 'canvas',
      exit: 'facilitator_closes',
      evidence: 'documented',
    },
    {
      id: 'MK-2',
      title: {
        he: 'קודם כל לבד: התבוננות אישית',
        ar: 'أولًا وحدك: تأمّل شخصي',
        en: 'On your own first: individual reflection',
      },
      purpose: {
        he: 'לכל אחת ואחד יש זמן ומקום בטוח לחשוב לפני שמדברים בקבוצה, בכתיבה, בהקלטה, בציור או בתמונה. מה שתיצרו נשאר פרטי, עד שתבחרו לשתף אותו עם קבוצת העמיתים שלכם.',
        ar: 'لكل شخص وقت ومكان آمن ليفكّر قبل الكلام في المجموعة، بالكتابة أو التسجيل الصوتي أو الرسم أو الصورة. ما تصنعونه يبقى خاصًا بكم، إلى أن تختاروا مشاركته مع مجموعة الأقران.',
        en: 'Each person gets time and a safe place to think before speaking in the group, by writing, recording their voice, drawing or taking a photo. What you make stays private until you choose to share it with your peer group.',
      },
      prompts: [
        {
          he: 'ספרו או כתבו על רגע שמראה מה המשמעות של הבעיה שאנחנו עובדים עליה בחיים שלכם.',
          ar: 'احكوا أو اكتبوا عن لحظة تُظهر ماذا تعني المشكلة التي نعمل عليها في حياتكم.',
          en: 'Tell or write about a moment that shows what the problem we are working on means in your life.',
        },
        {
          he: 'במה טועים בדרך כלל אנשים שלא חוו את זה?',
          ar: 'ما الذي يخطئ فيه عادةً من لم يعيشوا هذه التجربة؟',
          en: 'What do people who have not lived this usually get wrong?',
        },
        {
          he: 'מה אתם עושים כדי לעמוד מול זה או כדי לעבור את זה?',
          ar: 'ماذا تفعلون لتقاوموا ذلك أو لتتجاوزوه؟',
          en: 'What do you do to resist or get through it?',
        },
      ],
      participation: 'individual',
      artefact: 'contributions',
      exit: 'facilitator_closes',
      evidence: 'reconstructed',
    },
    {
      id: 'MK-3',
      title: {
        he: 'בונים את הידע של הקבוצה',
        ar: 'نبني معرفة مجموعتنا',
        en: "Building our group's knowledge",
      },
      purpose: {
        he: 'כל קבוצה, לבדה, הופכת את הניסיון של חבריה וחברותיה לידע משותף ששייך לקבוצה, עוד לפני שפוגשים את הקבוצות האחרות. בסוף השלב יש לקבוצה טקסט משלה, עם נושאים, איך הם נראים ביום־יום ושאלות לקבוצות האחרות, והקבוצה מאשרת אותו.',
        ar: 'تحوّل كل مجموعة، وحدها، تجارب أعضائها إلى معرفة مشتركة تملكها المجموعة، قبل لقاء المجموعات الأخرى. في نهاية المرحلة يكون للمجموعة نصّها الخاص، فيه المواضيع وكيف تبدو في الحياة اليومية وأسئلة للمجموعات الأخرى، وتوافق عليه المجموعة.',
        en: "Each group, on its own, turns its members' experiences into shared knowledge that belongs to the group, before meeting the other groups. At the end the group has its own text, with themes, what they look like day to day and questions for the other groups, and approves it.",
      },
      prompts: [
        {
          he: 'מה משותף לסיפורים האלה? מה שונה ביניהם?',
          ar: 'ما المشترك بين هذه القصص؟ وما المختلف بينها؟',
          en: 'What do these stories have in common? What is different?',
        },
        {
          he: 'חלקו אותם לנושאים. איך תקראו לכל נושא?',
          ar: 'قسّموها إلى مواضيع. ماذا تسمّون كل موضوع؟',
          en: 'Group these into themes. What would you call each theme?',
        },
        {
          he: 'על כל נושא: איך הוא נראה ביום־יום? מי או מה גורם לו? אילו שאלות הייתם רוצים לשאול עליו את הקבוצות האחרות, למשל את אנשי המקצוע והאקדמיה?',
          ar: 'لكل موضوع: كيف يبدو في الحياة اليومية؟ من أو ما الذي يسبّبه؟ ما الأسئلة التي تريدون طرحها عنه على المجموعات الأخرى، مثل المهنيين والأكاديميين؟',
          en: 'For each theme: what does it look like day to day? Who or what causes it? What questions would you want to ask the other groups about it, for example the professionals and academics?',
        },
      ],
      participation: 'each_group',
      artefact: 'canvas',
      exit: 'every_group_validated',
      evidence: 'documented',
    },
    {
      id: 'MK-4',
      title: {
        he: 'בודקים את הסיכום של הקבוצה',
        ar: 'نراجع ملخّص مجموعتنا',
        en: "Checking our group's summary",
      },
      purpose: {
        he: 'צוות ההיגוי כותב סיכום של העבודה של כל קבוצה, וכל קבוצה קוראת רק את הסיכום שלה ובודקת שהוא אומר את מה שהיא התכוונה. שום סיכום לא ממשיך הלאה לפני שהקבוצה שלו מאשרת אותו.',
        ar: 'يكتب فريق التوجيه ملخّصًا لعمل كل مجموعة، وتقرأ كل مجموعة ملخّصها فقط وتتأكد أنه يقول ما قصدته. لا ينتقل أي ملخّص إلى الخطوة التالية قبل أن توافق عليه مجموعته.',
        en: "The steering team writes a summary of each group's work, and each group reads only its own summary and checks that it says what the group meant. No summary goes further until its group approves it.",
      },
      prompts: [
        {
          he: 'זה מה שאמרתם? קראו את הסיכום של העבודה שלכם והשוו אותו למה שנאמר בקבוצה.',
          ar: 'هل هذا ما قلتموه؟ اقرؤوا ملخّص عملكم وقارنوه بما قيل في المجموعة.',
          en: 'Is this what you said? Read the summary of your work and compare it with what was said in the group.',
        },
        {
          he: 'מה חסר בו?',
          ar: 'ما الذي ينقصه؟',
          en: 'What is missing from it?',
        },
        {
          he: 'איפה המשמעות השתנתה ממה שהתכוונתם?',
          ar: 'أين تغيّر المعنى عمّا قصدتموه؟',
          en: 'Where has the meaning been changed from what you meant?',
        },
      ],
      participation: 'each_group',
      artefact: 'board',
      exit: 'every_group_validated',
      evidence: 'documented',
    },
    {
      id: 'MK-5',
      title: {
        he: 'מתכוננים למפגש עם הקבוצות האחרות',
        ar: 'نستعدّ للقاء المجموعات الأخرى',
        en: 'Getting ready to meet the other groups',
      },
      purpose: {
        he: 'כל קבוצה מתכוננת לפגוש את האחרות בגובה העיניים: בוחרים מי ייצגו אותנו, מסבירים מילים שעלולות להיות מובנות אחרת, כותבים שאלות לקבוצות האחרות ומחליטים אילו חלקים מהעבודה שלנו יעברו למיזוג. כל השאר נשאר בתוך הקבוצה.',
        ar: 'تستعدّ كل مجموعة للقاء المجموعات الأخرى على قدم المساواة: نختار من يمثّلنا، ونشرح الكلمات التي قد تُفهم بشكل مختلف، ونكتب أسئلتنا للمجموعات الأخرى، ونقرّر أيّ أجزاء من عملنا تنتقل إلى الدمج. كل ما عدا ذلك يبقى داخل المجموعة.',
        en: 'Each group gets ready to meet the others as equals: we choose who will represent us, explain words that could be misunderstood, write our questions for the other groups and decide which parts of our work go into the merging. Everything else stays in our group.',
      },
      prompts: [
        {
          he: 'מי ייצגו אותנו, ועל מה אנחנו מבקשים מהם לעמוד בשמנו?',
          ar: 'من سيمثّلنا، وما الذي نكلّف ممثّلينا بالدفاع عنه باسمنا؟',
          en: 'Who will represent us, and what are they mandated to defend?',
        },
        {
          he: 'אילו מהמילים שלנו עלולות להיות מובנות לא נכון? בואו נסביר מה אנחנו מתכוונים בהן.',
          ar: 'أيّ كلماتنا قد تُفهم خطأً؟ لنشرح معًا ماذا نقصد بها.',
          en: "Which of our words might be misunderstood? Let's define them.",
        },
        {
          he: 'מה אנחנו רוצים לשאול את הקבוצות האחרות?',
          ar: 'ماذا نريد أن نسأل المجموعات الأخرى؟',
          en: 'What do we want to ask the other groups?',
        },
        {
          he: 'אילו חלקים מהעבודה שלנו אנחנו מעבירים למיזוג, ומה נשאר רק בתוך הקבוצה? הקבוצות האחרות יראו רק את מה שנבחר כאן.',
          ar: 'أيّ أجزاء من عملنا ننقلها إلى الدمج، وما الذي يبقى داخل مجموعتنا فقط؟ لن ترى المجموعات الأخرى إلا ما نختاره هنا.',
          en: 'Which parts of our work do we release to the merging, and what stays only in our group? The other groups will see only what we choose here.',
        },
      ],
      participation: 'each_group',
      artefact: 'release',
      exit: 'every_group_released',
      evidence: 'reconstructed',
    },
    {
      id: 'MK-6',
      title: {
        he: 'המיזוג: מפגש הנציגות והנציגים',
        ar: 'الدمج: لقاء الممثّلين والممثّلات',
        en: 'Merging: the representatives meet',
      },
      purpose: {
        he: 'נציגות ונציגים של כל הקבוצות עובדים יחד כדי להביא את הידע של הקבוצות לטיוטה משותפת אחת, ומחפשים הסכמה. אף אחד לא מדבר בשם קבוצה אחרת, מוודאים שמבינים את המילים של האחרים לפני שמסכימים, ומחלוקות נרשמות ולא נמחקות.',
        ar: 'يعمل ممثّلو جميع المجموعات معًا لجمع معارف مجموعاتهم في مسودة مشتركة واحدة، ويبحثون عن توافق. لا أحد يتكلّم باسم مجموعة أخرى، ونتأكد أننا نفهم كلمات بعضنا قبل أن نتّفق، ونسجّل الخلافات ولا نمحوها.',
        en: "Representatives of all the groups work together to bring their groups' knowledge into one shared draft, and look for agreement. No one speaks for another group, we make sure we understand each other's words before agreeing, and disagreements are written down, not erased.",
      },
      prompts: [
        {
          he: 'קבוצה אחת רואה את זה כך, וקבוצה אחרת רואה את זה אחרת. מה כל קבוצה רואה שהאחרת לא יכולה לראות?',
          ar: 'مجموعة ترى الأمر بطريقة، ومجموعة أخرى تراه بطريقة مختلفة. ما الذي تراه كل مجموعة ولا تستطيع الأخرى أن تراه؟',
          en: 'One group sees it one way; another group sees it differently. What does each see that the other cannot?',
        },
        {
          he: 'אפשר לתת שם לממד אחד שמכיל את שני המבטים? אילו מאפיינים מתארים אותו? אילו שאלות נשארות פתוחות?',
          ar: 'هل نستطيع أن نسمّي بُعدًا واحدًا يجمع النظرتين؟ ما الصفات التي تصفه؟ وما الأسئلة التي تبقى مفتوحة؟',
          en: 'Can we name a dimension that holds both? What characteristics describe it? What questions remain?',
        },
        {
          he: 'יש כאן מי שמסכימים רק כי הם מרגישים שהם חייבים?',
          ar: 'هل يوافق أحد هنا فقط لأنه يشعر أنه مضطر إلى ذلك؟',
          en: 'Is anyone agreeing only because they feel they must?',
        },
      ],
      participation: 'representatives',
      artefact: 'board',
      exit: 'facilitator_closes',
      evidence: 'documented',
    },
    {
      id: 'MK-7',
      title: {
        he: 'כל קבוצה בודקת את הטיוטה המשותפת',
        ar: 'كل مجموعة تراجع المسودة المشتركة',
        en: 'Every group checks the shared draft',
      },
      purpose: {
        he: 'הטיוטה המשותפת חוזרת לכל הקבוצה, לא רק לנציגים שלה. כל קבוצה בודקת איך המילים שלה מופיעות בה ומחליטה אם לאשר, לבקש שינויים או לדחות, וחוזרים על הסבב עד שכל הקבוצות מאשרות.',
        ar: 'تعود المسودة المشتركة إلى كل مجموعة بكاملها، لا إلى ممثّليها فقط. تتحقّق كل مجموعة من طريقة ظهور كلماتها فيها وتقرّر الموافقة أو طلب تغييرات أو الرفض، ونعيد الجولة حتى توافق كل المجموعات.',
        en: 'The shared draft comes back to each whole group, not only to its representatives. Each group checks how its words appear in it and decides to approve, ask for changes or reject, and we go round again until every group approves.',
      },
      prompts: [
        {
          he: 'הנה הטיוטה המשותפת, ואיך המילים של הקבוצה שלכם מופיעות בה. אתם מזהים את עצמכם?',
          ar: 'هذه هي المسودة المشتركة، وهكذا تظهر فيها كلمات مجموعتكم. هل تجدون أنفسكم فيها؟',
          en: "Here is the shared draft and how your group's words appear in it. Do you recognise yourselves?",
        },
        {
          he: 'יש משהו שעוות או שונה ממה שהקבוצה שלכם התכוונה?',
          ar: 'هل تشوّه شيء أو تغيّر عمّا قصدته مجموعتكم؟',
          en: 'Is anything distorted or changed from what your group meant?',
        },
        {
          he: 'מה הקבוצה מחליטה: לאשר, לבקש שינויים או לדחות? אם אתם מבקשים שינויים, כתבו אילו.',
          ar: 'ماذا تقرّر المجموعة: الموافقة، أم طلب تغييرات، أم الرفض؟ إن طلبتم تغييرات، اكتبوا ما هي.',
          en: 'What does the group decide: approve, request changes, or reject? If you ask for changes, write which ones.',
        },
      ],
      participation: 'each_group',
      artefact: 'validation',
      exit: 'every_group_validated',
      evidence: 'seed_paper',
    },
    {
      id: 'MK-8',
      title: {
        he: 'כותבים יחד את הטקסט הסופי',
        ar: 'نكتب النص النهائي معًا',
        en: 'Writing the final text together',
      },
      purpose: {
        he: 'צוות כתיבה עם אנשים מכל הקבוצות כותב יחד את הטקסט הסופי, כך שאנשים עם ניסיון חיים שותפים עד המילה האחרונה. התוצאה שייכת לכולם, וכל קבוצה מאשרת אותה לפני שהיא הופכת לסופית.',
        ar: 'يكتب فريق فيه أشخاص من كل المجموعات النص النهائي معًا، فيشارك أصحاب التجربة الحياتية حتى الكلمة الأخيرة. النتيجة ملك للجميع، وتوافق عليها كل مجموعة قبل أن تصبح نهائية.',
        en: 'A writing team with people from every group writes the final text together, so people with lived experience take part up to the last word. The result belongs to everyone, and each group approves it before it is final.',
      },
      prompts: [
        {
          he: 'אילו קטעים צריכים להופיע במילים שלכם עצמכם, ולא בסיכום?',
          ar: 'أيّ مقاطع يجب أن تبقى بكلماتكم أنتم، بدل أن تُلخَّص؟',
          en: 'Which passages should be in your own words rather than summarised?',
        },
        {
          he: 'איך תרצו שיופיע הקרדיט שלכם: בשם מלא, בשם פרטי, בכינוי או בלי שם?',
          ar: 'كيف تريدون أن تُذكر مساهمتكم: بالاسم الكامل، أو بالاسم الأول، أو باسم مستعار، أو دون اسم؟',
          en: 'How do you want to be credited: by full name, first name, a pseudonym, or not named at all?',
        },
      ],
      participation: 'working_group',
      artefact: 'board',
      exit: 'every_group_validated',
      evidence: 'documented',
    },
    {
      id: 'MK-9',
      title: {
        he: 'מיזוג בין מקומות שונים',
        ar: 'الدمج بين أماكن مختلفة',
        en: 'Merging across sites',
      },
      purpose: {
        he: 'כשאותה עבודה נעשתה בכמה מקומות, נציגות ונציגים מכל מקום מחברים את התוצאות המשותפות שלהם למסגרת אחת, וכל מקום בודק ומאשר אותה. השלב הזה אינו חובה.',
        ar: 'عندما يُنجز العمل نفسه في عدة أماكن، يجمع ممثّلون من كل مكان نتائجهم المشتركة في إطار واحد، ويراجعه كل مكان ويوافق عليه. هذه المرحلة اختيارية.',
        en: 'When the same work has been done in several places, representatives from each place bring their shared results together into one framework, which each place checks and approves. This stage is optional.',
      },
      prompts: [
        {
          he: 'הניחו את התוצאות של המקומות השונים זו לצד זו. אילו ממדים מופיעים בכל המקומות, ואילו רק בחלק מהם?',
          ar: 'ضعوا نتائج الأماكن المختلفة جنبًا إلى جنب. ما الأبعاد التي تظهر في كل الأماكن، وما التي تظهر في بعضها فقط؟',
          en: 'Put the results from the different places side by side. Which dimensions appear everywhere, and which only in some places?',
        },
        {
          he: 'מה הופך את הבעיה לקשה יותר או קלה יותר במקום אחד מאשר באחר, למשל מי האנשים, כמה זמן זה נמשך, איפה הם גרים, הסביבה או אמונות תרבותיות? איך זה צריך להופיע במסגרת המשותפת?',
          ar: 'ما الذي يجعل المشكلة أثقل أو أخفّ في مكان منها في مكان آخر، مثل هوية الناس، أو مدة استمرارها، أو مكان سكنهم، أو البيئة، أو المعتقدات الثقافية؟ كيف يجب أن يظهر ذلك في الإطار المشترك؟',
          en: 'What makes the problem heavier or lighter in one place than in another, for example who people are, how long it lasts, where they live, the environment or cultural beliefs? How should the shared framework show this?',
        },
      ],
      participation: 'representatives',
      artefact: 'canvas',
      exit: 'facilitator_closes',
      evidence: 'documented',
      optional: true,
    },
    {
      id: 'MK-10',
      title: {
        he: 'מחזירים את התוצאות ומשתפים אותן',
        ar: 'نعيد النتائج للجميع وننشرها',
        en: 'Giving the results back and sharing them',
      },
      purpose: {
        he: 'כל מי שהשתתפו מקבלים את התוצאות בחזרה, בשפה פשוטה, לפני שהן מתפרסמות בחוץ או באותו זמן. המשתתפות והמשתתפים שותפים גם בהצגת התוצאות, ויוצא החוצה רק מה שאנשים הסכימו לשתף.',
        ar: 'يحصل كل من شارك على النتائج بلغة بسيطة، قبل نشرها خارجًا أو في الوقت نفسه. ويشارك المشاركون والمشاركات أيضًا في عرض النتائج، ولا يخرج إلا ما وافق الناس على مشاركته.',
        en: 'Everyone who took part gets the results back in plain language, before or at the same time as anyone outside. Participants also help present the results, and only what people agreed to share goes out.',
      },
      prompts: [
        {
          he: 'איך נחזיר את התוצאות לכל מי שהשתתפו, במילים ובדרכים שנוחות להם?',
          ar: 'كيف نعيد النتائج إلى كل من شارك، بكلمات وطرق تناسبهم؟',
          en: 'How should we give the results back to everyone who took part, in words and forms that suit them?',
        },
        {
          he: 'איפה ולמי נרצה להציג את התוצאות יחד, ומי מכל קבוצה רוצה להשתתף בהצגה?',
          ar: 'أين ولمن نريد أن نعرض النتائج معًا، ومن من كل مجموعة يريد أن يشارك في عرضها؟',
          en: 'Where and to whom do we want to present the results together, and who from each group wants to take part in presenting them?',
        },
      ],
      participation: 'everyone',
      artefact: 'canvas',
      exit: 'facilitator_closes',
      evidence: 'documented',
    },
  ],
} satisfies MethodDefinitionInput;
