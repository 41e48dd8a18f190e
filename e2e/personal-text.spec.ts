import { expect, test } from '@playwright/test';
import { apiAs, keepScreenshot, signIn } from './support';

// The machine is shared with other test runs: give the first load of a page time.
test.setTimeout(240_000);
const FIRST_LOAD = { timeout: 60_000 };

const PHONE = '13812345678';
const ID_NUMBER = '36010219900101123X';
const LANDLINE = '0791-88881234';

test('personal data typed into a case is masked on its page, and revealed in full by 显示 for those allowed', async ({ page, baseURL }) => {
  const registrar = await apiAs(baseURL!, 'registrar');
  const created = await registrar.post<{ id: string; code: string }>('/api/cases', {
    channel: 'phone',
    kind: 'complaint',
    categoryCode: 'social.dibao',
    title: '楼下饭店油烟扰民',
    content: `我叫王小明，电话${PHONE}，身份证${ID_NUMBER}。楼下饭店油烟噪音扰民，多次沟通无果。`,
    requester: { name: '王小明', phone: `139${String(Date.now() % 100_000_000).padStart(8, '0')}` },
    areaCode: '369901100201',
  });
  await registrar.dispose();
  const dispatcher = await apiAs(baseURL!, 'dispatcher');
  await dispatcher.post(`/api/cases/${created.id}/dispatch`, { unitId: 'unit-minzheng', note: `请联系店主座机${LANDLINE}核实` });
  await dispatcher.dispose();

  // An administrator sees the case masked, with no way to reveal it.
  await signIn(page, 'admin');
  await page.goto(`/cases/${created.id}`);
  await expect(page.getByTestId('case-code')).toContainText(created.code, FIRST_LOAD);
  await expect(page.getByTestId('case-content')).toContainText('电话138****5678，身份证3601**********123X');
  await expect(page.getByTestId('personal-text')).toContainText('个人信息已遮挡');
  await expect(page.getByTestId('reveal-text')).toHaveCount(0);
  await page.context().clearCookies();

  // The dispatcher sees it masked too, in the content and in the timeline's note …
  await signIn(page, 'dispatcher');
  await page.goto(`/cases/${created.id}`);
  const content = page.getByTestId('case-content');
  await expect(content).toContainText('电话138****5678', FIRST_LOAD);
  await expect(content).not.toContainText(PHONE);
  await expect(page.getByText('请联系店主座机0791-****1234核实')).toBeVisible();
  await keepScreenshot(page, 'case-personal-text-masked');

  // … and 显示 (audited) shows the full text everywhere on the page.
  await page.getByTestId('reveal-text').click();
  await expect(page.getByTestId('text-revealed')).toContainText('已显示完整信息（已留痕）');
  await expect(content).toContainText(`电话${PHONE}，身份证${ID_NUMBER}`);
  await expect(page.getByText(`请联系店主座机${LANDLINE}核实`)).toBeVisible();
  await expect(page.getByTestId('reveal-text')).toHaveCount(0);
  await keepScreenshot(page, 'case-personal-text-revealed');
});
