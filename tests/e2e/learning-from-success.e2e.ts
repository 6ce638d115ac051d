import { expect, test, type Page } from '@playwright/test';
import { initiativeWithInvitations, joined, uniqueHandle } from './support/people';
import { canvas, exitNotMet, expectNoStageCodes, sessionStages } from './support/session';

const LIVED = 'ידע מניסיון חיים';
const stageTitle = {
  'LS-1': 'בחירת הצלחה',
  'LS-2': 'מספרים את הסיפור',
  'LS-3': 'הבהרה והשלמה של הסיפור',
  'LS-4': 'הגדרת ההצלחה',
  'LS-5': 'שחזור הפעולות',
  'LS-6': 'נקודות מפנה והסיבות להן',
  'LS-7': 'הקשר, גורמים מסייעים ומכשולים',
  'LS-8': 'ניסוח עקרונות פעולה',
  'LS-9': 'הכללה והשוואה בין סיפורים',
  'LS-10': 'תיעוד, יישום והתבוננות בלמידה',
};
type StageId = keyof typeof stageTitle;

const stages = sessionStages(stageTitle);
const PRINCIPLE = 'ללוות ולא לשלוח';
const PRINCIPLE_TEXT = 'כשמישהו מתבודד, כדי שיצא, הציעו ללכת יחד, כי קשה ללכת לבד';
const openStage = async (page: Page, id: StageId) => {
  await stages.open(page, id);
  await expect(stages.closeButton(page, id)).toBeVisible();
};
const lived = (page: Page) => canvas(page, LIVED);
const confirmAsOwner = async (page: Page) => {
  await page.getByRole('button', { name: 'זה נאמן לסיפור שלי' }).click();
  await expect(page.getByText('אישרת שזה נאמן לסיפור שלך.')).toBeVisible();
};

test('Learning from Success for one expert by experience, through all ten stages, in Hebrew', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const { initiativeId, ebeCode, facilitatorCode } = await initiativeWithInvitations(
    browser,
    'Success',
  );
  const join = async (code: string, name: string, handle: string) =>
    (await joined(browser, baseURL!, code, { name, handle, locale: 'he' })).page;
  const companion = await join(facilitatorCode, 'רותי', uniqueHandle('ruti'));
  const miriam = await join(ebeCode, 'מרים', uniqueHandle('miriam'));
  const circle = await join(ebeCode, 'סלמה', uniqueHandle('salma'));

  // The learning companion starts a session about Miriam's own success.
  await companion.goto(`/initiatives/${initiativeId}/sessions/new`);
  await companion.getByRole('radio', { name: 'למידה מהצלחות', exact: true }).check();
  await companion.getByRole('textbox', { name: 'שם המפגש' }).fill('יצאתי שוב מהבית');
  await companion.getByRole('checkbox', { name: LIVED }).check();
  await companion
    .getByRole('combobox', { name: 'של מי ההצלחה? (לא חובה)' })
    .selectOption({ label: 'מרים' });
  await companion.getByRole('button', { name: 'להתחיל את המפגש' }).click();
  await expect(companion).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  const sessionUrl = new URL(companion.url()).pathname;

  for (const page of [miriam, circle]) {
    await page.goto(sessionUrl);
    await page.getByRole('button', { name: 'אני מסכים/ה' }).click();
    await expect(page.getByRole('button', { name: 'אני מסכים/ה' })).toHaveCount(0);
  }

  /** A stage whose material is Miriam's own words: only she writes, and she confirms it. */
  async function ownersStage(id: StageId, text: string, confirm = true) {
    await openStage(companion, id);
    await stages.current(miriam, id);
    await lived(miriam).click();
    await miriam.keyboard.type(text);
    await expect(lived(circle)).toContainText(text);
    if (confirm) await confirmAsOwner(miriam);
    await stages.close(companion, id);
  }

  // LS-1: the circle and the companion read the nomination; only Miriam writes it.
  await openStage(companion, 'LS-1');
  await stages.current(miriam, 'LS-1');
  await expectNoStageCodes(miriam);
  // The initiative's home lists the session with its open stage, by title.
  const home = await miriam.context().newPage();
  await home.goto(`/initiatives/${initiativeId}`);
  await expect(home.getByRole('link', { name: 'יצאתי שוב מהבית' })).toBeVisible();
  await expectNoStageCodes(home);
  await expect(home.getByText(`השלב „${stageTitle['LS-1']}” פתוח`)).toBeVisible();
  await home.close();
  await lived(miriam).click();
  await miriam.keyboard.type('הלכתי למועדון השכונתי בפעם הראשונה');
  await expect(lived(circle)).toContainText('הלכתי למועדון השכונתי בפעם הראשונה');
  await expect(lived(circle)).toHaveAttribute('contenteditable', 'false');
  await expect(lived(companion)).toHaveAttribute('contenteditable', 'false');
  // Closing waits for the owner's confirmation.
  await stages.closeButton(companion, 'LS-1').click();
  await exitNotMet(companion);
  await confirmAsOwner(miriam);
  await stages.close(companion, 'LS-1');

  await ownersStage('LS-2', 'השכנה דפקה בדלת והציעה ללכת יחד');

  // LS-3: the circle asks clarifying questions, Miriam answers them.
  await openStage(companion, 'LS-3');
  await stages.current(circle, 'LS-3');
  await circle.getByRole('textbox', { name: 'השאלה שלך' }).fill('מה אמרת לשכנה?');
  await circle.getByRole('button', { name: 'לשאול' }).click();
  const question = miriam.getByRole('listitem').filter({ hasText: 'מה אמרת לשכנה?' });
  await question.getByRole('textbox', { name: 'התשובה שלך' }).fill('אמרתי שרק לשעה');
  await question.getByRole('button', { name: 'לענות' }).click();
  await expect(circle.getByText('אמרתי שרק לשעה')).toBeVisible();
  await confirmAsOwner(miriam);
  await stages.close(companion, 'LS-3');

  await ownersStage('LS-4', 'לפני: לא יצאתי שבועות. אחרי: יוצאת פעמיים בשבוע');
  await ownersStage('LS-5', 'הסכמתי, קבענו שעה, היא חיכתה לי למטה');
  await ownersStage('LS-6', 'הרגע שכמעט ביטלתי, ונזכרתי שהבטחתי');
  await ownersStage('LS-7', 'עזר שהמועדון קרוב ושהשכנה הכירה אנשים שם', false);

  // LS-8: principles of action on Miriam's own board, which the circle reads; she confirms them.
  await openStage(companion, 'LS-8');
  await stages.current(miriam, 'LS-8');
  await expect(miriam.getByText('אפשר לכתוב בלוח הזה.')).toBeVisible();
  await miriam.getByRole('link', { name: `פתיחת הלוח: ${LIVED}` }).click();
  await miriam.getByText('ממצא חדש').click();
  await miriam.getByRole('textbox', { name: 'כותרת הממצא' }).fill(PRINCIPLE);
  await miriam.getByRole('button', { name: 'הוספת הממצא' }).click();
  const principle = miriam.getByRole('region', { name: PRINCIPLE });
  await principle.getByRole('textbox', { name: 'ניסוח הממצא', exact: true }).click();
  await miriam.keyboard.type(PRINCIPLE_TEXT);
  await circle.goto(miriam.url());
  const read = circle.getByRole('region', { name: PRINCIPLE });
  await expect(read.getByRole('textbox', { name: 'ניסוח הממצא', exact: true })).toContainText(
    PRINCIPLE_TEXT,
  );
  await expect(read.getByRole('textbox', { name: 'ניסוח הממצא', exact: true })).toHaveAttribute(
    'contenteditable',
    'false',
  );
  await miriam.goto(sessionUrl);
  await circle.goto(sessionUrl);
  await confirmAsOwner(miriam);
  await stages.close(companion, 'LS-8');

  // LS-9: in the synthesis space, the group validates the common principles.
  await openStage(companion, 'LS-9');
  await stages.current(miriam, 'LS-9');
  await miriam.getByRole('textbox', { name: 'מה שרצית לומר' }).fill('ללוות, לא לשלוח');
  await miriam.getByRole('button', { name: 'פרסום' }).click();
  await circle.getByRole('radio', { name: 'לאשר' }).check();
  await circle.getByRole('button', { name: 'רישום ההחלטה של הקבוצה שלנו' }).click();
  await expect(circle.getByText('ההחלטה שלנו בסבב הזה:')).toBeVisible();
  await stages.close(companion, 'LS-9');

  await ownersStage('LS-10', 'בפעם הבאה אזמין אני מישהי אחרת');

  // Every stage was opened and closed, each closing recorded without an override.
  const record = await (await companion.request.get(`/api${sessionUrl}/record`)).json();
  const closed = record.stageEvents.filter(
    (event: { action: string }) => event.action === 'closed',
  );
  expect(closed.map((event: { stageId: string }) => event.stageId)).toEqual(
    Object.keys(stageTitle),
  );
  expect(closed.every((event: { overrideReason: unknown }) => event.overrideReason === null)).toBe(
    true,
  );
  expect(record.ownerConfirmations).toHaveLength(8);
});
