import type { MethodDefinitionInput } from '../schema';

/** Learning from Success (retrospective method), in the ten reconstructed stages of METHODS.md §2(c). */
export const learningFromSuccess = {
  id: 'learning-from-success',
  version: 1,
  title: {
    he: 'למידה מהצלחות',
    ar: 'التعلّم من النجاحات',
    en: 'Learning from Success',
  },
  summary: {
    he: 'אדם מספר על משהו שהצליח, בעבודה או בחייו, ומעגל קטן עוזר לבחון את ההצלחה צעד אחר צעד. יחד מגלים מה נעשה, למה זה עבד ובאילו תנאים, והופכים את הידע הזה לעקרונות פעולה שגם אחרים יוכלו להשתמש בהם. השיטה מתאימה לאנשי מקצוע ולאנשים עם ניסיון חיים, ומי שמספרים את הסיפור הם שמחליטים מה ייכתב ומה ישותף.',
    ar: 'يروي شخص قصة أمر نجح، في عمله أو في حياته، وتساعده حلقة صغيرة على فحص هذا النجاح خطوة بخطوة. معًا نكتشف ما الذي تمّ فعله، ولماذا نجح، وفي أي ظروف، ونحوّل هذه المعرفة إلى مبادئ عمل يستطيع الآخرون أيضًا الاستفادة منها. تناسب هذه الطريقة المهنيين وأصحاب التجربة الحياتية على حدّ سواء، وصاحب القصة أو صاحبتها هو من يقرّر ما يُكتب وما يُشارَك.',
    en: 'A person tells the story of something that went well, in their work or in their own life, and a small circle helps them examine it step by step. Together they find out what was done, why it worked and under what conditions, and turn this know-how into principles of action that others can use. It suits professionals and people with lived experience alike, and the person who owns the story decides what is written down and shared.',
  },
  source:
    'Rosenfeld and the Myers-JDC-Brookdale Institute, Learning from Success (retrospective method); Schechter, Sykes & Rosenfeld; METHODS.md §2(c) (stage order reconstructed)',
  stages: [
    {
      id: 'LS-1',
      title: {
        he: 'בחירת הצלחה',
        ar: 'اختيار نجاح',
        en: 'Choosing a success',
      },
      purpose: {
        he: 'בוחרים דבר אחד שהצליח, גם אם הוא קטן, שבו משהו השתנה לטובה בזכות משהו שנעשה בכוונה, על ידיכם או על ידי אחרים. עדיף הצלחה שחשובה לכם ושלא קרתה מזמן. בסוף השלב יהיה לכם תיאור קצר של ההצלחה שממנה רוצים ללמוד.',
        ar: 'اختاروا أمرًا واحدًا نجح، ولو كان صغيرًا، تغيّر فيه شيء نحو الأفضل بفضل عمل قام به أحد عن قصد، أنتم أو غيركم. يُفضَّل أن يكون نجاحًا مهمًّا لكم وحديثًا نسبيًّا. في نهاية هذه المرحلة سيكون لديكم وصف قصير للنجاح الذي تريدون التعلّم منه.',
        en: 'Pick one thing that went well, even a small one, where something changed for the better because of what you or others chose to do. It is best if it matters to you and happened fairly recently. At the end you will have a short description of the success you want to learn from.',
      },
      prompts: [
        {
          he: 'חשבו על משהו שהצליח, אפילו משהו קטן. מה השתנה, ולמי?',
          ar: 'فكّروا في أمر نجح، حتى لو كان صغيرًا. ما الذي تغيّر، ولمن؟',
          en: 'Think of something that went well, even something small. What changed, and for whom?',
        },
        {
          he: 'למה זו הצלחה בעיניכם?',
          ar: 'لماذا هو نجاح في نظركم أنتم؟',
          en: 'Why does this count as a success to you?',
        },
        {
          he: 'מה היה שונה הפעם, לעומת מצבים דומים?',
          ar: 'ما الذي جعل هذه المرة مختلفة عن مواقف مشابهة؟',
          en: 'What made this different from similar situations?',
        },
        {
          he: 'כתבו בכמה משפטים תיאור קצר של ההצלחה: מה קרה, בערך מתי, ומי היה מעורב.',
          ar: 'اكتبوا في بضع جمل وصفًا قصيرًا للنجاح: ماذا حدث، ومتى تقريبًا، ومن كان مشاركًا فيه.',
          en: 'Write a few sentences describing the success: what happened, roughly when, and who was involved.',
        },
      ],
      participation: 'owner',
      artefact: 'canvas',
      exit: 'owner_confirmed',
      evidence: 'documented',
    },
    {
      id: 'LS-2',
      title: {
        he: 'מספרים את הסיפור',
        ar: 'رواية القصة',
        en: 'Telling the story',
      },
      purpose: {
        he: 'מספרים את ההצלחה כסיפור ולא כדיווח, כדי שיעלו גם דברים שעזרו בלי ששמנו לב אליהם. שום פרט אינו קטן מדי. בסוף השלב הסיפור שלכם יהיה כתוב, או מוקלט ומוקלד כדי שתבדקו ותאשרו אותו.',
        ar: 'احكوا النجاح كقصة لا كتقرير، حتى تظهر أيضًا أمور ساعدت دون أن ننتبه إليها. لا توجد تفصيلة أصغر من أن تُذكر. في نهاية المرحلة ستكون قصتكم مكتوبة، أو مسجّلة ثم مكتوبة لكي تراجعوها وتوافقوا عليها.',
        en: 'Tell the success as a story, not as a report, so that things that helped without anyone noticing can come to light. No detail is too small. At the end your story will be written down, or recorded and typed out for you to check and approve.',
      },
      prompts: [
        {
          he: 'ספרו מההתחלה, עם כמה שיותר פרטים שאתם זוכרים.',
          ar: 'احكوا القصة من بدايتها، بكل ما تتذكّرونه من تفاصيل.',
          en: 'Tell it from the beginning, in as much detail as you remember.',
        },
        {
          he: 'מה קרה סביבכם באותו זמן? מי עוד היה מעורב?',
          ar: 'ماذا كان يحدث من حولكم في ذلك الوقت؟ ومن كان مشاركًا أيضًا؟',
          en: 'What was happening around you? Who else was involved?',
        },
        {
          he: 'ספרו כל מה שעולה לכם, גם אם זה נראה לא חשוב. אל תוותרו על פרט רק כי הוא נראה שולי.',
          ar: 'قولوا كل ما يخطر ببالكم، حتى لو بدا غير مهم. لا تتركوا تفصيلة لمجرد أنها تبدو هامشية.',
          en: 'Say whatever comes to mind, even if it seems unimportant. Do not leave a detail out just because it seems minor.',
        },
        {
          he: 'למי שמקשיבים: הקשיבו בלי להפריע, ורשמו לעצמכם את מה שאתם שמים לב אליו.',
          ar: 'للمستمعين: استمعوا دون مقاطعة، ودوّنوا ما تلاحظونه.',
          en: 'For those listening: listen without interrupting, and note down what you notice.',
        },
      ],
      participation: 'owner',
      artefact: 'canvas',
      exit: 'owner_confirmed',
      evidence: 'documented',
    },
    {
      id: 'LS-3',
      title: {
        he: 'הבהרה והשלמה של הסיפור',
        ar: 'توضيح القصة واستكمالها',
        en: 'Clarifying and completing the story',
      },
      purpose: {
        he: 'חברי המעגל שואלים שאלות עובדתיות פשוטות כדי להשלים את מה שחסר, בלי עצות ובלי שיפוט. כשזה עוזר, מוסיפים לסיפור עובדות ונתונים, ואנשים נוספים שהיו מעורבים יכולים להוסיף את נקודת המבט שלהם, בהסכמתם. בסוף השלב הסיפור שלם יותר ולא נשארות שאלות פתוחות.',
        ar: 'يطرح أعضاء الحلقة أسئلة بسيطة عن الوقائع لاستكمال ما ينقص، دون نصائح ودون أحكام. وحين يفيد ذلك، تُدعَم القصة بحقائق ومعطيات، ويمكن لأشخاص آخرين شاركوا فيها أن يضيفوا وجهة نظرهم، بموافقتهم. في نهاية المرحلة تصبح القصة أكمل ولا تبقى أسئلة مفتوحة.',
        en: 'The circle asks simple factual questions to fill in what is missing, with no advice and no judgement. Where it helps, facts and data are added, and other people who were involved can give their view, with their consent. At the end the story is fuller and no questions are left open.',
      },
      prompts: [
        {
          he: 'שאלו רק שאלות עובדתיות שמשלימות את מה שחסר: מתי זה קרה? מי היה שם? מה אמרתם אז?',
          ar: 'اسألوا أسئلة عن الوقائع فقط، لاستكمال ما ينقص: متى حدث ذلك؟ من كان هناك؟ ماذا قلتم حينها؟',
          en: 'Ask factual questions only, to fill the gaps: When did it happen? Who was there? What did you say then?',
        },
        {
          he: 'בבקשה לא לתת עצות ולא לשפוט את מה שנעשה. המטרה היא להבין, לא להעריך.',
          ar: 'رجاءً لا تقدّموا نصائح ولا تحكموا على ما جرى. الهدف هو أن نفهم، لا أن نقيّم.',
          en: 'Please do not give advice or judge what was done. The aim is to understand, not to assess.',
        },
        {
          he: 'האם יש מידע או נתונים שתומכים בסיפור, למשל מסמכים, מספרים או הודעות?',
          ar: 'هل توجد معلومات أو معطيات تدعم القصة، مثل وثائق أو أرقام أو رسائل؟',
          en: 'Is there information or data that backs up the story, such as documents, numbers or messages?',
        },
        {
          he: 'מי עוד היה חלק מההצלחה הזאת ויכול להוסיף את נקודת המבט שלו? הזמינו אנשים רק בהסכמתם.',
          ar: 'من غيركم كان جزءًا من هذا النجاح ويمكنه أن يضيف وجهة نظره؟ ادعوا الآخرين فقط بموافقتهم.',
          en: 'Who else was part of this success and could add their view? Invite people only with their consent.',
        },
      ],
      participation: 'owner',
      artefact: 'questions',
      exit: 'owner_confirmed',
      evidence: 'documented',
    },
    {
      id: 'LS-4',
      title: {
        he: 'הגדרת ההצלחה',
        ar: 'تحديد النجاح',
        en: 'Defining the success',
      },
      purpose: {
        he: 'מנסחים בבירור מהי ההצלחה: איך היה המצב לפני, איך הוא עכשיו, ומי רואה בזה הצלחה. בסוף השלב יהיה תיאור קצר של לפני ואחרי, שאתם מאשרים.',
        ar: 'نصوغ بوضوح ما هو النجاح: كيف كان الوضع من قبل، وكيف أصبح الآن، ومن يرى فيه نجاحًا. في نهاية المرحلة سيكون هناك وصف قصير لما قبل وما بعد، توافقون عليه.',
        en: 'Say clearly what the success is: how things were before, how they are now, and who sees it as a success. At the end there will be a short before-and-after description that you confirm.',
      },
      prompts: [
        {
          he: 'מה היה המצב לפני, ומה המצב אחרי?',
          ar: 'كيف كان الوضع قبل ذلك، وكيف أصبح بعده؟',
          en: 'What was the situation before, and what is it after?',
        },
        {
          he: 'מי אומר שזו הצלחה: אתם, האנשים שזה השפיע עליהם, הארגון?',
          ar: 'من يقول إنه نجاح: أنتم، أم الأشخاص الذين تأثّروا به، أم المؤسسة؟',
          en: 'Who says it is a success: you, the people affected, the organisation?',
        },
        {
          he: 'מה היה משכנע גם מישהו שמפקפק בזה?',
          ar: 'ما الذي قد يُقنع حتى شخصًا متشكّكًا؟',
          en: 'What evidence would convince a sceptic?',
        },
        {
          he: 'אם במעגל רואים את ההצלחה אחרת, רשמו כל דעה, בלי לכפות תשובה אחת.',
          ar: 'إذا رأى أعضاء الحلقة النجاح بشكل مختلف، دوّنوا كل رأي، دون فرض إجابة واحدة.',
          en: 'If people in the circle see the success differently, write down each view rather than forcing one answer.',
        },
      ],
      participation: 'owner',
      artefact: 'canvas',
      exit: 'owner_confirmed',
      evidence: 'reconstructed',
    },
    {
      id: 'LS-5',
      title: {
        he: 'שחזור הפעולות',
        ar: 'استعادة الخطوات',
        en: 'Reconstructing the actions',
      },
      purpose: {
        he: 'חוזרים על מה שנעשה בפועל, צעד אחר צעד, על ידיכם ועל ידי אחרים. בסוף השלב יהיה ציר זמן של מי עשה מה ומתי, שאתם מאשרים.',
        ar: 'نستعيد ما تمّ فعله فعلًا، خطوة بخطوة، منكم ومن غيركم. في نهاية المرحلة سيكون هناك تسلسل زمني لمن فعل ماذا ومتى، توافقون عليه.',
        en: 'Go back over what was actually done, step by step, by you and by others. At the end there will be a timeline of who did what and when, which you confirm.',
      },
      prompts: [
        {
          he: 'מה בדיוק עשיתם (אתם ואחרים), צעד אחר צעד?',
          ar: 'ماذا فعلتم بالضبط (أنتم وغيركم)، خطوة بخطوة؟',
          en: 'What exactly did you (and others) do, step by step?',
        },
        {
          he: 'מה החלטתם לא לעשות?',
          ar: 'ما الذي قرّرتم ألّا تفعلوه؟',
          en: 'What did you decide not to do?',
        },
        {
          he: 'סדרו את הצעדים לפי הסדר: מי עשה מה, ומתי?',
          ar: 'رتّبوا الخطوات حسب تسلسلها: من فعل ماذا، ومتى؟',
          en: 'Put the steps in order: who did what, and when?',
        },
      ],
      participation: 'owner',
      artefact: 'canvas',
      exit: 'owner_confirmed',
      evidence: 'reconstructed',
    },
    {
      id: 'LS-6',
      title: {
        he: 'נקודות מפנה והסיבות להן',
        ar: 'نقاط التحوّل وأسبابها',
        en: 'Turning points and reasons',
      },
      purpose: {
        he: 'מאתרים את הרגעים שבהם הדברים יכלו להתגלגל אחרת, ומספרים מה הנחה אתכם בהם. כאן ידע שפעל אצלכם בלי מילים מקבל מילים. בסוף השלב לכל נקודת מפנה תהיה לפחות סיבה אחת כתובה לצידה.',
        ar: 'نحدّد اللحظات التي كان يمكن أن تسير فيها الأمور بشكل مختلف، ونقول ما الذي وجّهكم فيها. هنا تتحوّل إلى كلمات معرفةٌ عملتم بها دون أن تسمّوها. في نهاية المرحلة سيكون لكل نقطة تحوّل سبب واحد على الأقل مكتوب بجانبها.',
        en: 'Find the moments where things could have gone differently, and say what guided you there. This is where know-how you used without naming it gets put into words. At the end each turning point will have at least one reason written next to it.',
      },
      prompts: [
        {
          he: 'איפה זה היה יכול להתגלגל לכיוון אחר?',
          ar: 'في أي لحظة كان يمكن أن تسير الأمور في الاتجاه الآخر؟',
          en: 'Where could it have gone the other way?',
        },
        {
          he: 'מה שמתם לב אליו, ומה גרם לכם לפעול כפי שפעלתם: ניסיון, אמונה או ערך, משהו שקראתם או למדתם, עצה של מישהו?',
          ar: 'ماذا لاحظتم، وما الذي دفعكم إلى التصرّف كما تصرّفتم: تجربة، أم قناعة أو قيمة، أم شيء قرأتموه أو تعلّمتموه، أم نصيحة من أحد؟',
          en: 'What did you notice, and what made you act as you did: experience, a belief, something you had read or learned, a person’s advice?',
        },
        {
          he: 'לכל נקודת מפנה, כתבו לפחות סיבה אחת ומאיפה היא באה.',
          ar: 'لكل نقطة تحوّل، اكتبوا سببًا واحدًا على الأقل، ومن أين جاء.',
          en: 'For each turning point, write down at least one reason and where it came from.',
        },
      ],
      participation: 'owner',
      artefact: 'canvas',
      exit: 'owner_confirmed',
      evidence: 'reconstructed',
    },
    {
      id: 'LS-7',
      title: {
        he: 'הקשר, גורמים מסייעים ומכשולים',
        ar: 'السياق والعوامل المساعدة والعقبات',
        en: 'Context, enablers and obstacles',
      },
      purpose: {
        he: 'מסתכלים על הנסיבות סביב ההצלחה: מה עזר, מה הפריע ואיך התגברו על זה. בסוף השלב תהיה רשימה של התנאים שהשפיעו.',
        ar: 'ننظر إلى الظروف المحيطة بالنجاح: ما الذي ساعد، وما الذي أعاق وكيف تمّ تجاوزه. في نهاية المرحلة ستكون هناك قائمة بالظروف التي كان لها أثر.',
        en: 'Look at the setting around the success: what helped, what got in the way, and how it was overcome. At the end there will be a list of the conditions that mattered.',
      },
      prompts: [
        {
          he: 'מה בסביבה עזר: זמן, גיבוי, קשרים עם אנשים, כללים ונהלים?',
          ar: 'ما الذي ساعد في المحيط: الوقت، أو الدعم، أو العلاقات مع الناس، أو القواعد والأنظمة؟',
          en: 'What about the setting helped: time, backing, relationships, rules?',
        },
        {
          he: 'אילו מכשולים הצלחתם לעקוף, ואיך?',
          ar: 'ما العقبات التي تمكّنتم من تجاوزها، وكيف؟',
          en: 'What obstacles did you get around, and how?',
        },
      ],
      participation: 'owner',
      artefact: 'canvas',
      exit: 'facilitator_closes',
      evidence: 'reconstructed',
    },
    {
      id: 'LS-8',
      title: {
        he: 'ניסוח עקרונות פעולה',
        ar: 'صياغة مبادئ العمل',
        en: 'Formulating principles of action',
      },
      purpose: {
        he: 'הופכים את מה שלמדנו מהסיפור לעקרונות פעולה: כללים קצרים ומעשיים שגם אחרים יוכלו להשתמש בהם. אתם מאשרים שכל עיקרון נאמן לסיפור שלכם.',
        ar: 'نحوّل ما تعلّمناه من القصة إلى مبادئ عمل: قواعد قصيرة وعملية يستطيع الآخرون أيضًا الاستفادة منها. وأنتم تؤكّدون أن كل مبدأ يعبّر بأمانة عن قصتكم.',
        en: 'Turn what we learned from the story into principles of action: short, practical rules of thumb that others can use too. You confirm that each principle is a faithful reading of your story.',
      },
      prompts: [
        {
          he: 'נסו לנסח כל עיקרון כך: כאשר [מצב], כדי [מטרה], עשו [פעולה], כי [סיבה]; שימו לב ל[תנאי].',
          ar: 'جرّبوا صياغة كل مبدأ هكذا: عندما [الموقف]، ومن أجل [الهدف]، افعلوا [الفعل]، لأنّ [السبب]؛ وانتبهوا إلى [الشرط].',
          en: 'Try writing each principle like this: When [situation], in order to [aim], do [action], because [reason]; watch for [condition].',
        },
        {
          he: 'מה הייתם אומרים לעמית, או למישהו במצב דומה לשלכם, שמתמודד עם משהו כזה?',
          ar: 'ماذا كنتم ستقولون لزميل، أو لشخص يمرّ بظروف تشبه ظروفكم، يواجه أمرًا مشابهًا؟',
          en: 'What would you tell a colleague or a peer facing something similar?',
        },
        {
          he: 'אילו מהפעולות היו הכרחיות, ואילו היו מקריות?',
          ar: 'أيّ هذه الأفعال كان أساسيًّا، وأيّها كان عرضيًّا؟',
          en: 'Which of these actions were essential, and which incidental?',
        },
        {
          he: 'לכל עיקרון, ציינו מאיזה חלק בסיפור הוא בא.',
          ar: 'لكل مبدأ، اذكروا من أي جزء من القصة جاء.',
          en: 'For each principle, note which part of the story it comes from.',
        },
      ],
      participation: 'owner',
      artefact: 'board',
      exit: 'owner_confirmed',
      evidence: 'documented',
    },
    {
      id: 'LS-9',
      title: {
        he: 'הכללה והשוואה בין סיפורים',
        ar: 'التعميم والمقارنة بين القصص',
        en: 'Generalising and cross-story comparison',
      },
      purpose: {
        he: 'מניחים זה לצד זה עקרונות מכמה סיפורים, כדי למצוא את אלה שחוזרים שוב ושוב ולראות איפה יש הסכמה ואיפה יש הבדלים. בסוף השלב תהיה רשימה של עקרונות משותפים, עם ציון מכמה סיפורים הגיע כל עיקרון, שכל קבוצה אישרה.',
        ar: 'نضع مبادئ من عدّة قصص جنبًا إلى جنب، لنجد المبادئ التي تتكرّر، ولنرى أين تتّفق وجهات النظر وأين تختلف. في نهاية المرحلة ستكون هناك مجموعة من المبادئ المشتركة، مع بيان عدد القصص التي جاء منها كل مبدأ، وقد وافقت عليها كل مجموعة.',
        en: 'Put principles from several stories side by side, to find the ones that come up again and again and to see where views agree or differ. At the end there will be a set of shared principles, showing how many stories each one comes from, approved by every group.',
      },
      prompts: [
        {
          he: 'אילו עקרונות חוזרים בכמה סיפורים?',
          ar: 'ما المبادئ التي تتكرّر في أكثر من قصة؟',
          en: 'Which principles recur across stories?',
        },
        {
          he: 'איפה העקרונות של אנשים עם ניסיון חיים ושל אנשי מקצוע מסכימים, ואיפה הם סותרים זה את זה?',
          ar: 'أين تتّفق مبادئ أصحاب التجربة الحياتية مع مبادئ المهنيين، وأين تتعارض؟',
          en: 'Where do the principles of people with lived experience and of professionals agree, and where do they conflict?',
        },
        {
          he: 'האם יש תיאוריה או רעיון מוכר שמסבירים את זה? אם כן, איזה?',
          ar: 'هل توجد نظرية أو فكرة معروفة تفسّر ذلك؟ إن وُجدت، فما هي؟',
          en: 'Is there a theory or a known idea that explains this? If so, which one?',
        },
      ],
      participation: 'working_group',
      artefact: 'contributions',
      exit: 'every_group_validated',
      evidence: 'documented',
    },
    {
      id: 'LS-10',
      title: {
        he: 'תיעוד, יישום והתבוננות בלמידה',
        ar: 'التوثيق والتطبيق والتأمّل في التعلّم',
        en: 'Documentation, application and reflection on learning',
      },
      purpose: {
        he: 'כותבים את ההצלחה כך שאפשר יהיה לשמור אותה ולשתף בה, מתכננים איפה לנסות את העקרונות בפעם הבאה, ומסתכלים אחורה על הדרך שבה למדנו יחד. בסוף השלב אתם מחליטים אם אפשר לשתף את מה שתועד, ועם מי.',
        ar: 'نكتب النجاح بحيث يمكن حفظه ومشاركته، ونخطّط أين نجرّب المبادئ في المرة القادمة، وننظر إلى الطريقة التي تعلّمنا بها معًا. في نهاية المرحلة تقرّرون أنتم إن كان يمكن مشاركة ما وُثّق، ومع من.',
        en: 'Write up the success so it can be kept and shared, plan where to try the principles next, and look back at how we learned together. At the end you decide whether the written case may be shared, and with whom.',
      },
      prompts: [
        {
          he: 'איפה ננסה את זה בפעם הבאה, ואיך נדע שזה עבד?',
          ar: 'أين سنجرّب هذا في المرة القادمة، وكيف سنعرف أنه نجح؟',
          en: 'Where will we try this next, and how will we know it worked?',
        },
        {
          he: 'מה למדנו על הדרך שבה אנחנו לומדים?',
          ar: 'ماذا تعلّمنا عن الطريقة التي نتعلّم بها؟',
          en: 'What did we learn about how we learn?',
        },
        {
          he: 'האם נשארה שאלה פתוחה שתרצו להמשיך ללמוד עליה?',
          ar: 'هل بقي سؤال مفتوح تودّون مواصلة التعلّم عنه؟',
          en: 'Is there an open question you would like to keep learning about?',
        },
        {
          he: 'מי יוכלו לראות את הסיפור הכתוב, ואיך תרצו שהשם שלכם יופיע בו?',
          ar: 'من يمكنه أن يرى القصة المكتوبة، وكيف تريدون أن يظهر اسمكم فيها؟',
          en: 'Who may see the written story, and how would you like your name to appear in it?',
        },
      ],
      participation: 'owner',
      artefact: 'canvas',
      exit: 'owner_confirmed',
      evidence: 'documented',
    },
  ],
} satisfies MethodDefinitionInput;
