import { MEDIA } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { route } from '../../http/route.js';
import { actorOf } from '../../http/request.js';
import { sendFile } from '../../http/send-file.js';
import type { ContactCardsService } from './contact-cards.service.js';

/** GET /api/contact-cards.pdf — printable 民情联系卡 for a village or a list of households. */
export async function contactCardsRoutes(app: FastifyInstance, { contactCards }: { contactCards: ContactCardsService }) {
  route(app, 'GET /api/contact-cards.pdf', async (request, reply) => {
    const sheet = await contactCards.sheet(actorOf(request), request.query);
    return sendFile(reply.header('x-card-count', String(sheet.cards)), { data: sheet.data, fileName: sheet.fileName, mimeType: MEDIA.pdf });
  });
}
