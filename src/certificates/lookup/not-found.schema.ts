import { z } from 'zod';
import { bilingualTextSchema, problemSchema } from '../../shared/problem.ts';

const Text = bilingualTextSchema.describe('Why, in Chinese and English.');

/** The ticket a miss of a Guangdong number opened or joined, as the correction queue reports it. */
export const missTicketSchema = z
  .object({
    id: z.number().int().describe('Ticket id: technicians, and keys of an organisation that asked, read the ticket by it.'),
    ref: z.string().describe('Unguessable reference: anyone holding it reads the ticket at `href`, with or without a key.'),
    status: z.string().describe('open, claimed, resolved or rejected.'),
    requestCount: z.number().int().describe('Lookups of this number while the ticket was open, this one included.'),
    href: z.string().describe('Where the ticket’s state is read: `/v1/tickets/{ref}`.'),
    opened: z.boolean().describe('True when this lookup opened the ticket.'),
    rejection: z
      .object({
        reason: z.string().describe('typo or not_guangdong: a rejection that still answers for this number.'),
        correctNumber: z.string().nullable().describe('The right number, when known.'),
      })
      .optional()
      .describe('Set when the number was rejected for good.'),
  })
  .meta({ id: 'MissTicket' });

export const ticketRefusedSchema = z
  .object({
    code: z.enum(['ticket_quota_exceeded']).describe('ticket_quota_exceeded: this key or address opened its new tickets for the hour.'),
    message: Text,
    perHour: z.number().int().describe('New tickets this key or address may open in any hour.'),
  })
  .describe('Why no ticket was opened (ticket is null): the lookup answers all the same.');

export const callbackUrlRefusedSchema = z
  .object({
    code: z.enum(['callback_scheme_refused', 'callback_address_refused']).describe('Why the callback URL was not kept.'),
    message: Text,
  })
  .describe('The callback URL given was not kept; the lookup answers all the same.');

/** What the correction queue adds to the not-found answer of a Guangdong number. */
export const missFieldsSchema = {
  ticket: missTicketSchema
    .nullable()
    .optional()
    .describe('Guangdong numbers: the ticket opened or joined; null when none could be opened (see ticketRefused).'),
  ticketRefused: ticketRefusedSchema.optional(),
  callbackUrlRefused: callbackUrlRefusedSchema.optional(),
};

/** The 404 of a lookup: a well-formed number the index does not hold. */
export const certificateNotFoundSchema = problemSchema
  .extend({
    canonical: z.string().describe('The number looked up, canonical.'),
    manualEntryAllowed: z.boolean().describe('True outside Guangdong: the manufacturer may enter the data by hand.'),
    probableMatch: z.string().optional().describe('A stored certificate this number is probably a re-coding of.'),
    replacedBy: z.array(z.string()).optional().describe('Numbers that replaced this one.'),
    ...missFieldsSchema,
  })
  .loose()
  .meta({ id: 'CertificateNotFound' });
