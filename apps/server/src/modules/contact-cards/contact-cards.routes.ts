import { type ContactCardsQuery, ContactCardsQuerySchema } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/auth.js';
import type { Services } from '../../services.js';
import { sendFile } from '../../http/send-file.js';
import { createContactCardsService } from './contact-cards.service.js';

/** GET /api/contact-cards.pdf — printable 民情联系卡 for a village or a list of households. */
export async function contactCardsRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const cards = createContactCardsService(services);
  app.get(
    '/api/contact-cards.pdf',
    {
      schema: {
        tags: ['contact-cards'],
        summary: '民情联系卡 Printable A4 sheet of contact cards (cadre, phone, hotline, QR to the portal preset to the village); staff whose area holds the village; audited',
        querystring: ContactCardsQuerySchema,
      },
    },
    async (request, reply) => {
      const sheet = await cards.sheet(actorOf(request), request.query as ContactCardsQuery);
      return sendFile(reply.header('x-card-count', String(sheet.cards)), { data: sheet.data, fileName: sheet.fileName, mimeType: 'application/pdf' });
    },
  );
}
