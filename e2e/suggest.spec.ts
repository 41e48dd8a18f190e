import { expect as baseExpect, test } from '@playwright/test';
import { apiAs, keepScreenshot, signIn } from './support';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

/**
 * Issue 18: registering a case shows the category suggestion with its reason and an honest
 * confidence (and whether the model is sure), the suggested units with why (the township covering
 * the village, the department that handled the category), and the duplicate warning when an open
 * case is about the same matter at the same place.
 */
test('registration: category with reason and confidence, units with reasons, duplicate warning for an open case on the same matter', async ({ page, baseURL }) => {
  // An open case about a named pond in 凤岭村 (城关镇), registered by the hotline.
  const desk = await apiAs(baseURL!, 'hotline');
  const stamp = String(Date.now()).slice(-5);
  await desk.post('/api/cases', {
    channel: 'phone',
    kind: 'complaint',
    categoryCode: 'agriculture.irrigation',
    title: `凤岭村石桥塘漏水${stamp}`,
    content: '凤岭村石桥塘的堤坝漏水好长时间了，下游的田都灌不上水，请水利部门来看看。',
    requester: { anonymous: true },
    areaCode: '369901100202',
    address: '凤岭村石桥组',
  });
  await desk.dispose();

  await signIn(page, 'hotline', { timeout: 30_000 });
  await page.goto('/register');
  await expect(page.getByTestId('register-form')).toBeVisible();

  // The same pond told in other words by another resident, in the same village.
  await page.getByLabel('所在区划').click();
  await page.keyboard.type('凤岭村');
  await expect(page.locator('.ant-cascader-dropdown:visible').getByText('凤岭村').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByLabel('标题').fill('石桥塘渗漏');
  await page.getByLabel('诉求内容').fill('村里石桥塘渗漏严重，存不住水，今年春耕灌溉用水成了大问题，希望尽快修一下。');

  const suggestions = page.getByTestId('suggestions');
  // The category: a button per suggestion, its confidence bar, the words that drove it, and where it comes from.
  await expect(suggestions.getByRole('button').first()).toBeVisible();
  await expect(page.getByTestId('suggest-source')).toContainText(/已办结诉求|关键词/);
  await expect(suggestions.getByText(/依据：/).first()).toBeVisible();
  await expect(suggestions.locator('[data-testid^="suggest-confidence-"]').first()).toBeVisible();
  // Units with why: the township that covers 凤岭村, and never another township.
  await expect(suggestions.getByTestId('suggest-unit-reason').first()).toBeVisible();
  await expect(suggestions).toContainText('属地：管辖凤岭村');
  // The covering government is 城关镇's or 凤岭村's own committee, depending on what past cases of the category say.
  await expect(suggestions).toContainText(/城关镇人民政府|凤岭村村民委员会/);
  for (const other of ['河口乡人民政府', '青山镇人民政府', '溪南街道办事处']) await expect(suggestions).not.toContainText(other);

  // The duplicate warning for the open case about the same pond.
  await expect(page.getByTestId('duplicate-warning')).toBeVisible();
  await expect(page.getByTestId('similar-cases')).toContainText(`凤岭村石桥塘漏水${stamp}`);
  await keepScreenshot(page, 'suggest-register');
});
