import type { MethodDefinitionInput } from '../schema';

/** Practice Wisdom (חכמת המעשה), following the stage protocol of METHODS.md §3(c). */
export const practiceWisdom = {
  id: 'practice-wisdom',
  version: 1,
  title: { he: 'חכמת המעשה', ar: 'حكمة الممارسة', en: 'Practice Wisdom' },
  summary: {
    he: 'אנשי ונשות מקצוע מנסחים במילים את מה שהם יודעים מהעבודה היומיומית ושלא כתוב בשום הנחיה: מה עובד, למה, ועד כמה הם בטוחים בזה. בעזרת תיאורי מקרים, תצפית, ראיון ושאלון קצר, הידע הזה הופך לתובנות ברורות, וליד כל אחת מהן כתוב מאין היא באה. אחר כך אנשים עם ניסיון חיים בודקים את התובנות בקבוצה שלהם, לפני שמשתמשים בהן או משתפים אותן.',
    ar: 'يعبّر المهنيون والمهنيات بالكلمات عمّا يعرفونه من عملهم اليومي ولا يجدونه مكتوبًا في أي إرشادات: ما الذي ينجح، ولماذا، وإلى أي حد هم متأكدون منه. من خلال وصف الحالات والملاحظة والمقابلة واستبيان قصير، تتحول هذه المعرفة إلى خلاصات واضحة، مع ذكر مصدر كل واحدة منها. بعد ذلك يراجع أصحاب التجربة الحياتية هذه الخلاصات في مجموعتهم، قبل استخدامها أو مشاركتها.',
    en: 'Professionals put into words what they know from their daily work but find in no guideline: what works, why, and how sure they are. Through case descriptions, observation, an interview and a short questionnaire, that knowledge becomes clear statements, each marked with where it comes from. People with lived experience then check the statements in their own group before they are used or shared.',
  },
  source:
    'Zeira (2000), Practice wisdom as a source of empirical knowledge; Klein & Bloom (1995), Practice Wisdom; O’Sullivan (2005); Fook (critical reflection); Wallander (2022); Epstein, practice-based research; METHODS.md §3',
  stages: [
    {
      id: 'PW-1',
      title: { he: 'מיקוד', ar: 'تحديد السؤال', en: 'Focus' },
      purpose: {
        he: 'בוחרים חלק אחד בעבודה שלכם שמצליח, אבל ההנחיות לא ממש מסבירות למה. בסוף השלב תהיה לקבוצה שאלה אחת ברורה לבדוק יחד.',
        ar: 'تختارون جزءًا من عملكم ينجح، لكن الإرشادات لا تشرح فعلًا سبب نجاحه. في نهاية هذه المرحلة يكون لدى المجموعة سؤال واحد واضح تبحثون فيه معًا.',
        en: 'Choose one part of your work that goes well but that the guidelines do not really explain. By the end, the group has one clear question to explore together.',
      },
      prompts: [
        {
          he: 'איזה חלק בעבודה שלכם מצליח, אבל ההנחיות כמעט לא מסבירות אותו? נסחו אותו כשאלה, למשל: „מה גורם לזה לעבוד?“',
          ar: 'ما الجزء من عملكم الذي ينجح، لكن الإرشادات لا تشرحه جيدًا؟ اكتبوه على شكل سؤال، مثل: «ما الذي يجعل هذا ينجح؟»',
          en: 'Which part of your work goes well but is poorly explained by the guidelines? Write it as a question, such as “What makes this work?”',
        },
        {
          he: 'דייקו את השאלה: על מי היא, איפה זה קורה, ואיזו תוצאה אתם מחפשים.',
          ar: 'اجعلوا السؤال محددًا: عن مَن هو، وأين يحدث ذلك، وما النتيجة التي تقصدونها.',
          en: 'Make the question specific: who it is about, where it happens, and what result you mean.',
        },
      ],
      participation: 'each_group',
      artefact: 'canvas',
      exit: 'facilitator_closes',
      evidence: 'reconstructed',
    },
    {
      id: 'PW-2',
      title: { he: 'תיאור מקרים', ar: 'وصف الحالات', en: 'Description' },
      purpose: {
        he: 'כל אחת ואחד כותבים לבד על מקרים אמיתיים מהעבודה: מקרה אחד שבו זה הצליח ומקרה אחד שבו לא. מה שתכתבו נשאר פרטי עד שתבחרו לשתף אותו עם הקבוצה.',
        ar: 'يكتب كلٌّ منكم على حدة عن حالات حقيقية من العمل: حالة نجح فيها الأمر وحالة لم ينجح فيها. ما تكتبونه يبقى خاصًا بكم حتى تختاروا مشاركته مع مجموعتكم.',
        en: 'Each of you writes, on your own, about real cases from your work: one where it worked and one where it did not. What you write stays private until you choose to share it with your group.',
      },
      prompts: [
        {
          he: 'תארו מקרה שבו זה הצליח: מה ראיתם, מה עשיתם ואמרתם, ומה קרה אחר כך.',
          ar: 'صفوا حالة نجح فيها ذلك: ماذا رأيتم، وماذا فعلتم وقلتم، وماذا حدث بعد ذلك.',
          en: 'Describe a case where this worked: what you saw, what you did and said, and what happened.',
        },
        {
          he: 'עכשיו תארו מקרה שבו זה לא הצליח.',
          ar: 'والآن صفوا حالة لم ينجح فيها ذلك.',
          en: 'Now describe a case where it did not work.',
        },
        {
          he: 'השמיטו שמות וכל פרט שיכול לזהות את האנשים שעבדתם איתם.',
          ar: 'لا تذكروا الأسماء أو أي تفصيل قد يكشف هوية الأشخاص الذين عملتم معهم.',
          en: 'Leave out names and any detail that could identify the people you worked with.',
        },
      ],
      participation: 'individual',
      artefact: 'contributions',
      exit: 'facilitator_closes',
      evidence: 'documented',
    },
    {
      id: 'PW-3',
      title: { he: 'תצפית', ar: 'الملاحظة', en: 'Observation' },
      purpose: {
        he: 'מסתכלים על מה שבאמת נעשה, ולא רק על מה שמספרים שעושים: צופים במפגש אמיתי עם מקבלי השירות, בהסכמתם, או קוראים תיקים קיימים. בסוף יש רשימות על הרגעים שהיו חשובים, ושיחה עליהם.',
        ar: 'ننظر إلى ما يُفعل فعلًا، لا إلى ما يُقال إنه يُفعل فقط: نحضر لقاءً حقيقيًا مع متلقّي الخدمة، بموافقتهم، أو نقرأ ملفات قائمة. في النهاية تكون لدينا ملاحظات عن اللحظات المهمة، وحديث حولها.',
        en: 'We look at what is actually done, not only at what people say they do: by watching a real meeting with the people served, with their consent, or by reading existing case records. At the end we have notes on the moments that mattered, and a talk about them.',
      },
      prompts: [
        {
          he: 'רשמו את הרגעים שנראו חשובים.',
          ar: 'دوّنوا اللحظات التي بدا أنها مهمة.',
          en: 'Write down the moments that seemed to matter.',
        },
        {
          he: 'אחרי המפגש, שאלו את העובד או העובדת: „במה הבחנת באותו רגע?“',
          ar: 'بعد اللقاء، اسألوا مَن قاد اللقاء عمّا كان يلاحظه في تلك اللحظة.',
          en: 'Afterwards, ask the practitioner what they were noticing at that moment.',
        },
        {
          he: 'אם אתם עובדים מתוך תיקים קיימים, העתיקו את הקטעים שמראים מה נעשה, בלי פרטים מזהים.',
          ar: 'إذا كنتم تعملون من ملفات قائمة، انسخوا المقاطع التي تُظهر ما تمّ فعله، من دون تفاصيل تكشف هوية أحد.',
          en: 'If you are working from existing case records, copy the passages that show what was done, without details that identify anyone.',
        },
      ],
      participation: 'each_group',
      artefact: 'canvas',
      exit: 'facilitator_closes',
      evidence: 'documented',
    },
    {
      id: 'PW-4',
      title: { he: 'ראיון מעמיק', ar: 'مقابلة معمّقة', en: 'Elicitation interview' },
      purpose: {
        he: 'בראיון מסבירים לא רק מה הסקתם, אלא גם איך הגעתם לזה: במה הבחנתם, מאין ההבנה שלכם באה, ועד כמה אתם בטוחים. בסוף, כל מסקנה כתובה יחד עם הסיבות שלה.',
        ar: 'في المقابلة تشرحون ليس فقط ما استنتجتموه، بل أيضًا كيف وصلتم إليه: ما الذي لاحظتموه، ومن أين يأتي فهمكم، وإلى أي حد أنتم متأكدون. في النهاية يُكتب كل استنتاج مع أسبابه.',
        en: 'In an interview, you explain not only what you concluded but how you got there: what you noticed, where your understanding comes from, and how sure you are. At the end, each conclusion is written down with its reasons.',
      },
      prompts: [
        {
          he: 'מה המסקנה שלכם?',
          ar: 'ما الذي استنتجتموه؟',
          en: 'What did you conclude?',
        },
        {
          he: 'מה הראה לכם את זה?',
          ar: 'ما الذي دلّكم على ذلك؟',
          en: 'What told you that?',
        },
        {
          he: 'למה זה מוביל דווקא למסקנה הזאת?',
          ar: 'لماذا يقود ذلك إلى هذا الاستنتاج بالذات؟',
          en: 'Why does that lead to this conclusion?',
        },
        {
          he: 'מאין ההבנה הזאת באה: מהניסיון שלכם, מתאוריה, מערך שחשוב לכם, ממחקר?',
          ar: 'من أين يأتي هذا الفهم: من تجربتكم، من نظرية، من قيمة تؤمنون بها، من دراسة؟',
          en: 'Where does that understanding come from: your experience, a theory, a value you hold, a study?',
        },
        {
          he: 'עד כמה אתם בטוחים בזה, ובאילו מקרים זה לא נכון?',
          ar: 'إلى أي حد أنتم متأكدون من ذلك، ومتى لا ينطبق؟',
          en: 'How sure are you, and when would it not hold?',
        },
      ],
      participation: 'each_group',
      artefact: 'claims',
      exit: 'facilitator_closes',
      evidence: 'documented',
    },
    {
      id: 'PW-5',
      title: { he: 'שאלון', ar: 'الاستبيان', en: 'Self-report questionnaire' },
      purpose: {
        he: 'עמיתים ועמיתות רבים מדרגים את גורמי ההצלחה שעלו עד עכשיו, כדי לראות עד כמה הם משותפים לרבים. בסוף יש לנו את התשובות של כולם, זו לצד זו.',
        ar: 'يقيّم عدد كبير من الزملاء والزميلات عوامل النجاح التي ظهرت حتى الآن، لنرى إلى أي مدى يتشاركها كثيرون. في النهاية تكون لدينا إجابات الجميع جنبًا إلى جنب.',
        en: 'Many colleagues rate the success factors found so far, so we can see how widely they are shared. At the end we have everyone’s answers side by side.',
      },
      prompts: [
        {
          he: 'לכל גורם הצלחה ברשימה (מתוך המקרים, התצפיות והראיונות): כמה הוא חשוב בעבודה שלכם? (1 = בכלל לא, 5 = מאוד)',
          ar: 'لكل عامل نجاح في القائمة (من الحالات والملاحظات والمقابلات): ما مدى أهميته في عملكم؟ (1 = غير مهم إطلاقًا، 5 = مهم جدًا)',
          en: 'For each success factor on the list (drawn from the cases, observations and interviews): how important is it in your work? (1 = not at all, 5 = very)',
        },
        {
          he: 'באיזו תדירות אתם משתמשים בו? (1 = אף פעם, 5 = כל הזמן)',
          ar: 'كم مرة تستخدمونه؟ (1 = أبدًا، 5 = طوال الوقت)',
          en: 'How often do you use it? (1 = never, 5 = all the time)',
        },
        {
          he: 'עד כמה אתם בטוחים שהוא עושה הבדל? (1 = בכלל לא בטוחים, 5 = בטוחים מאוד)',
          ar: 'إلى أي حد أنتم متأكدون من أنه يُحدث فرقًا؟ (1 = غير متأكدين إطلاقًا، 5 = متأكدون جدًا)',
          en: 'How sure are you that it makes a difference? (1 = not sure at all, 5 = very sure)',
        },
        {
          he: 'יש משהו להוסיף? גורם שחסר ברשימה, או הערה על אחד הגורמים?',
          ar: 'هل هناك ما تضيفونه؟ عامل ناقص في القائمة، أو ملاحظة على أحد العوامل؟',
          en: 'Anything to add: a factor that is missing from the list, or a comment on one of them?',
        },
      ],
      participation: 'each_group',
      artefact: 'contributions',
      exit: 'facilitator_closes',
      evidence: 'documented',
    },
    {
      id: 'PW-6',
      title: { he: 'מאין הידע בא', ar: 'مصادر المعرفة', en: 'Source tagging' },
      purpose: {
        he: 'ליד כל מסקנה מציינים מאין הידע בא: מניסיון, מתאוריה, מערכים ואמונות, או ממחקר. בסוף, לכל מסקנה מסומנים המקורות שלה, כך שמי שקורא יודע על מה היא נשענת.',
        ar: 'نذكر بجانب كل استنتاج من أين تأتي المعرفة: من التجربة، أو من نظرية، أو من قيم ومعتقدات، أو من بحث. في النهاية تظهر بجانب كل استنتاج مصادره، فيعرف القارئ على ماذا يستند.',
        en: 'For each conclusion, we note where the knowledge comes from: experience, theory, values and beliefs, or research. At the end, every conclusion shows its sources, so readers know what it rests on.',
      },
      prompts: [
        {
          he: 'לכל מסקנה: האם היא באה מהניסיון שלכם, מתאוריה, מערך או אמונה שלכם, או ממחקר?',
          ar: 'لكل استنتاج: هل يأتي من تجربتكم، أو من نظرية، أو من قيمة أو معتقد تؤمنون به، أو من بحث؟',
          en: 'For each conclusion: does it come from your own experience, a theory, a value or belief you hold, or research?',
        },
        {
          he: 'למסקנה יכול להיות יותר ממקור אחד. אם היא נשענת על מחקר, ספר או מאמר, הוסיפו את ההפניה.',
          ar: 'قد يكون للاستنتاج أكثر من مصدر. إذا كان يستند إلى دراسة أو كتاب أو مقال، أضيفوا المرجع.',
          en: 'A conclusion can have more than one source. If it rests on a study, a book or an article, add the reference.',
        },
      ],
      participation: 'each_group',
      artefact: 'claims',
      exit: 'facilitator_closes',
      evidence: 'documented',
    },
    {
      id: 'PW-7',
      title: { he: 'הסתכלות ביקורתית', ar: 'التأمّل النقدي', en: 'Critical reflection' },
      purpose: {
        he: 'עוצרים ובודקים את ההנחות שלנו, כולל למי יש כוח ולטובת מי פועלת דרך העבודה שלנו. בסוף ייתכן שחלק מהמסקנות ישתנו או יירדו, ואתם מאשרים את אלה שאתם עומדים מאחוריהן.',
        ar: 'نتوقف ونفحص افتراضاتنا، بما في ذلك مَن يملك السلطة، ولمصلحة مَن تعمل طريقة عملنا. في النهاية قد تتغير بعض الاستنتاجات أو تُحذف، وتؤكدون تلك التي تقفون وراءها.',
        en: 'We stop and question our own assumptions, including who holds power and whose interests our way of working serves. At the end, some conclusions may be changed or dropped, and you confirm the ones you stand behind.',
      },
      prompts: [
        {
          he: 'מה אתם מניחים לגבי האנשים שאתם עובדים איתם?',
          ar: 'ما الذي تفترضونه عن الأشخاص الذين تعملون معهم؟',
          en: 'What are you assuming about the people you work with?',
        },
        {
          he: 'לטובת מי פועלת דרך העבודה הזאת?',
          ar: 'لمصلحة مَن تعمل طريقة العمل هذه؟',
          en: 'Whose interests does this way of working serve?',
        },
        {
          he: 'מה היו אומרים על זה האנשים שמקבלים את השירות?',
          ar: 'ماذا كان سيقول الأشخاص الذين يتلقّون الخدمة؟',
          en: 'What would a person on the receiving end say?',
        },
      ],
      participation: 'each_group',
      artefact: 'canvas',
      exit: 'facilitator_closes',
      evidence: 'documented',
    },
    {
      id: 'PW-8',
      title: { he: 'ניסוח התובנות', ar: 'صياغة الخلاصات', en: 'Codification' },
      purpose: {
        he: 'כותבים כל תובנה כמשפט אחד ברור: מתי היא מתאימה, מה עושים, מה זה בדרך כלל משיג, למה, מאין זה בא ועד כמה אנחנו בטוחים. בסוף, הקבוצה מאשרת את התובנות לפני שהן משותפות מחוץ לקבוצה.',
        ar: 'نكتب كل خلاصة في جملة واحدة واضحة: متى تنطبق، وماذا نفعل، وما الذي يحققه ذلك عادةً، ولماذا، ومن أين جاءت، وإلى أي حد نحن متأكدون. في النهاية توافق المجموعة على الخلاصات قبل مشاركتها خارج المجموعة.',
        en: 'We write each finding as one clear statement: when it applies, what to do, what it tends to achieve, why, where it comes from and how sure we are. At the end, the group approves the statements before they are shared beyond the group.',
      },
      prompts: [
        {
          he: 'כתבו כל תובנה כך: ב[הקשר], לעשות [פעולה] בדרך כלל מוביל ל[תוצאה], כי [הנימוק]. מקורות: [ניסיון / תאוריה / ערך או אמונה / מחקר]. ודאות: [נמוכה/בינונית/גבוהה]. יוצאים מן הכלל: [מתי זה לא נכון].',
          ar: 'اكتبوا كل خلاصة هكذا: في [السياق]، القيام بـ[الفعل] يؤدي عادةً إلى [النتيجة]، لأنّ [التعليل]. المصادر: [تجربة / نظرية / قيمة أو معتقد / بحث]. درجة اليقين: [منخفضة/متوسطة/عالية]. الاستثناءات: [متى لا ينطبق ذلك].',
          en: 'Write each statement like this: In [context], doing [action] tends to achieve [outcome] because [warrant]. Sources: [tags]. Confidence: [low/med/high]. Exceptions: [rebuttals].',
        },
        {
          he: 'קשרו כל תובנה למקרים, לתצפיות, לראיונות ולתשובות לשאלון שעליהם היא נשענת.',
          ar: 'اربطوا كل خلاصة بالحالات والملاحظات والمقابلات وإجابات الاستبيان التي تستند إليها.',
          en: 'Link each statement to the cases, observations, interviews and questionnaire answers it rests on.',
        },
        {
          he: 'אל תסתירו ספקות: אם אתם לא בטוחים, או שהתובנה לא תמיד נכונה, כתבו את זה.',
          ar: 'لا تُخفوا الشكّ: إن لم تكونوا متأكدين، أو كانت الخلاصة لا تنطبق دائمًا، اذكروا ذلك.',
          en: 'Do not hide doubt: if you are unsure, or the statement does not always hold, say so.',
        },
      ],
      participation: 'each_group',
      artefact: 'board',
      groupBoardWriters: 'group',
      exit: 'every_group_validated',
      evidence: 'reconstructed',
    },
    {
      id: 'PW-9',
      title: {
        he: 'שיח עם אנשים עם ניסיון חיים',
        ar: 'حوار مع أصحاب التجربة الحياتية',
        en: 'Dialogue with lived experience',
      },
      purpose: {
        he: 'תובנות שעוסקות באנשים עם ניסיון חיים נבדקות יחד איתם. בקבוצה שלכם קוראים את התובנות, אומרים מה מתאים לניסיון שלכם, עם מה אתם לא מסכימים ומה חסר, ואז מחליטים מה מהתשובה שלכם לשתף.',
        ar: 'الخلاصات التي تتناول أصحاب التجربة الحياتية تُراجَع معهم. في مجموعتكم تقرؤون الخلاصات، وتقولون ما يتوافق مع تجربتكم، وما لا توافقون عليه، وما الناقص، ثم تقررون ما تشاركونه من إجابتكم.',
        en: 'Statements about people with lived experience are checked with them. In your own group, you read the statements, say what fits your experience, what you disagree with and what is missing, and then decide what of your answer to share.',
      },
      prompts: [
        {
          he: 'האם זה מתאים לניסיון שלכם עם השירות או התמיכה שמדובר בהם?',
          ar: 'هل يتوافق هذا مع تجربتكم مع الخدمة أو الدعم الذي يتحدث عنه؟',
          en: 'Does this match your experience of the service or support it talks about?',
        },
        {
          he: 'מה חסר?',
          ar: 'ما الذي ينقص؟',
          en: 'What is missing?',
        },
        {
          he: 'מה הייתם משנים?',
          ar: 'ماذا كنتم ستغيّرون؟',
          en: 'What would you change?',
        },
      ],
      participation: 'each_group',
      artefact: 'responses',
      exit: 'every_group_released',
      evidence: 'reconstructed',
    },
    {
      id: 'PW-10',
      title: {
        he: 'ניסיון בעבודה ועדכון',
        ar: 'التجربة في العمل والتحديث',
        en: 'Test in practice and update',
      },
      purpose: {
        he: 'מנסים את התובנות בעבודה היומיומית, רושמים מה קורה ומעדכנים אותן לאורך הזמן, כדי שמה שלמדנו יישאר כתוב גם למי שיבוא אחרינו. בסוף יש יומן של מה שקרה, תובנות מעודכנות ותאריך לבדיקה הבאה.',
        ar: 'نجرّب الخلاصات في العمل اليومي، ونسجّل ما يحدث، ونحدّثها مع الوقت، حتى يبقى ما تعلّمناه مكتوبًا لمن يأتي بعدنا. في النهاية يكون لدينا سجلّ بما حدث، وخلاصات محدّثة، وموعد للمراجعة القادمة.',
        en: 'We try the statements in everyday work, note what happens, and update them over time, so that what we learned stays written down for those who come after us. At the end there is a log of what happened, updated statements, and a date for the next review.',
      },
      prompts: [
        {
          he: 'בכל פעם שאתם מנסים אחת התובנות, רשמו מה עשיתם, באיזה מצב ומה קרה, בלי פרטים מזהים.',
          ar: 'في كل مرة تجرّبون فيها إحدى الخلاصات، سجّلوا ما فعلتم، وفي أي موقف، وماذا حدث، من دون تفاصيل تكشف هوية أحد.',
          en: 'Each time you try one of the statements, write down what you did, in what situation, and what happened, without details that identify anyone.',
        },
        {
          he: 'לאור מה שקרה, אילו תובנות צריך לשנות, ואיך? מתי נחזור אליהן שוב?',
          ar: 'في ضوء ما حدث، أيّ الخلاصات يجب تغييرها، وكيف؟ ومتى نعود إليها مرة أخرى؟',
          en: 'Looking at what happened, which statements should change, and how? When will we look at them again?',
        },
      ],
      participation: 'working_group',
      artefact: 'canvas',
      exit: 'facilitator_closes',
      evidence: 'documented',
    },
  ],
} satisfies MethodDefinitionInput;
