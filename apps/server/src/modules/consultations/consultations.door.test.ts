import { describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';
import { AREAS } from '../../test/fixtures.js';
import { deliverSms, freshIp } from '../portal/portal.test-support.js';

const { ctx, town, supervisorB, resident } = suiteContext({
  town: 'townRegistrar',
  supervisorB: (c) => c.userWith([{ role: 'supervisor', unitId: c.org.units['u-townB'] }]),
  resident: (c) => Promise.resolve(c.anonymous()),
});

let seq = 700;
const newPhone = () => `1350000${String(seq++).padStart(4, '0')}`;
const day = (d: number) => new Date(ctx.clock.now().getTime() + 8 * 3_600_000 + d * 86_400_000).toISOString().slice(0, 10);

async function household(name: string, areaCode: string = AREAS.villageA1) {
  const phone = newPhone();
  const r = await town.post('/api/households', { areaCode, address: `签到路${seq}号`, headName: name, members: [{ name, relationship: 'head', phone }] });
  expect(r.statusCode, r.body).toBe(201);
  return { id: r.json().id as string, phone };
}

async function codeFor(meetingId: string, phone: string) {
  const sent = await resident.post(`/api/public/meetings/${meetingId}/code`, { phone }, freshIp());
  expect(sent.statusCode, sent.body).toBe(200);
  return /验证码为(\d{6})/.exec((await deliverSms(ctx)).filter((m) => m.phone === phone).at(-1)!.body)![1];
}

describe('sign-in at a meeting’s door by QR (扫码签到)', () => {
  it('verifies against the registry, signs in once (also under a race), shows staff the list, and only on the meeting’s day', async () => {
    const listed = await household('周大山');
    const walkIn = await household('吴小梅', AREAS.villageA2);
    const racer = await household('郑平安');
    const created = await town.post('/api/consultations', { title: '安置小区选址恳谈会', background: '两个选址方案。', areaCode: AREAS.townA, options: ['东门地块', '西门地块'], rule: 'household', opensOn: day(0), closesOn: day(10) });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    const withMeeting = await town.post(`/api/consultations/${c.id}/meetings`, {
      kind: 'forum',
      heldAt: ctx.clock.now().toISOString(),
      place: '城关镇会议室',
      voting: 'none',
      attendees: [{ name: '周大山', householdId: listed.id, role: '群众代表' }, { name: '刘主任', role: '镇干部', signedIn: true }],
    });
    expect(withMeeting.statusCode, withMeeting.body).toBe(201);
    const meetingId = withMeeting.json().meetings[0].id as string;

    // The door's QR code, for those who run the consultation only.
    const qr = await town.get(`/api/consultations/${c.id}/meetings/${meetingId}/door.png`);
    expect(qr.statusCode).toBe(200);
    expect(qr.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await supervisorB.get(`/api/consultations/${c.id}/meetings/${meetingId}/door.png`)).statusCode).toBe(403);
    expect((await supervisorB.get(`/api/consultations/${c.id}/meetings/${meetingId}/sign-ins`)).statusCode).toBe(403);

    // The phone's page: what meeting, nothing personal.
    const page = await resident.get(`/api/public/meetings/${meetingId}`);
    expect(page.json()).toMatchObject({ title: '安置小区选址恳谈会', kind: 'forum', place: '城关镇会议室', areaName: '城关镇', open: true });
    expect(page.body).not.toMatch(/周大山|刘主任/);

    // A phone not in the registry gets no code; a wrong code signs nobody in (problem+json naming the field).
    const stranger = await resident.post(`/api/public/meetings/${meetingId}/code`, { phone: '13611112222' }, freshIp());
    expect(stranger.statusCode).toBe(403);
    expect(stranger.headers['content-type']).toContain('application/problem+json');
    const badPhone = await resident.post(`/api/public/meetings/${meetingId}/code`, { phone: '123' }, freshIp());
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.body).toContain('phone');
    const code = await codeFor(meetingId, listed.phone);
    const wrong = await resident.post(`/api/public/meetings/${meetingId}/sign-in`, { phone: listed.phone, code: code === '000000' ? '111111' : '000000' }, freshIp());
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('consultation_code');

    // The listed attendee signs in: matched by household and name, not added twice.
    const first = await resident.post(`/api/public/meetings/${meetingId}/sign-in`, { phone: listed.phone, code }, freshIp());
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ name: '周**', alreadySignedIn: false });
    const again = await resident.post(`/api/public/meetings/${meetingId}/sign-in`, { phone: listed.phone, code: await codeFor(meetingId, listed.phone) }, freshIp());
    expect(again.json()).toMatchObject({ name: '周**', alreadySignedIn: true, signedInAt: first.json().signedInAt });

    // Someone not listed, from the registry of the consultation's area, is added.
    const added = await resident.post(`/api/public/meetings/${meetingId}/sign-in`, { phone: walkIn.phone, code: await codeFor(meetingId, walkIn.phone) }, freshIp());
    expect(added.json()).toMatchObject({ name: '吴**', alreadySignedIn: false });

    // Two scans of the same person at the same moment: one signs in, the other is told it is done.
    const [c1, c2] = [await codeFor(meetingId, racer.phone), await codeFor(meetingId, racer.phone)];
    const race = await Promise.all([c1, c2].map((k) => resident.post(`/api/public/meetings/${meetingId}/sign-in`, { phone: racer.phone, code: k }, freshIp())));
    expect(race.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(race.map((r) => r.json().alreadySignedIn).sort()).toEqual([false, true]);

    // Staff see the list live: four attendees, all signed in, the door's marked as such.
    const list = await town.get(`/api/consultations/${c.id}/meetings/${meetingId}/sign-ins`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ attendees: 4, signedIn: 4 });
    expect(list.json().items.filter((i: { via: string }) => i.via === 'door')).toHaveLength(3);
    const detail = (await town.get(`/api/consultations/${c.id}`)).json();
    expect(detail.meetings[0].attendees).toHaveLength(4);

    // Another day's meeting takes no sign-in.
    const old = await town.post(`/api/consultations/${c.id}/meetings`, { kind: 'committees', heldAt: new Date(ctx.clock.now().getTime() - 3 * 86_400_000).toISOString(), place: '村委会', voting: 'none' });
    const oldId = old.json().meetings.find((m: { id: string }) => m.id !== meetingId).id;
    expect((await resident.get(`/api/public/meetings/${oldId}`)).json().open).toBe(false);
    const closed = await resident.post(`/api/public/meetings/${oldId}/code`, { phone: listed.phone }, freshIp());
    expect(closed.statusCode).toBe(409);
    expect(closed.headers['content-type']).toContain('application/problem+json');
    expect((await resident.get('/api/public/meetings/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  }, 60_000);
});
