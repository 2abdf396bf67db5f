import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  formSaveSchema,
  HONEYPOT_FIELD,
  MAX_SUBMISSION_BYTES,
  readValues,
  submissionSchema,
} from '../../lib/forms/definition';
import { recordId } from '../../lib/model';
import { authenticate, requireManager } from '../auth';
import { type Pool, transaction } from '../db/pool';
import { ApiError, badRequest, notFound } from '../errors';
import { parse } from '../routes/parse';
import { writeLead } from './leads';
import { DEFAULT_FORM_LIMITS, type FormLimits, takeHit } from './limits';
import { insertForm, listForms, type PublicForm, publicForm, updateForm } from './store';
import { checkToken, startToken } from './token';

const formParams = z.strictObject({ id: recordId });
const archiveBody = z.strictObject({ archived: z.boolean() });

/** The manager's side: forms of the caller's team, made and changed by a manager only. */
export function formRoutes(app: FastifyInstance, pool: Pool, now: () => number, limits = DEFAULT_FORM_LIMITS): void {
  app.get('/v1/forms', async (request) => {
    const caller = await authenticate(pool, request);
    requireManager(caller);
    return { forms: await listForms(pool, caller) };
  });
  app.post('/v1/forms', async (request) => {
    const caller = await authenticate(pool, request);
    requireManager(caller);
    return { form: await insertForm(pool, caller, parse(formSaveSchema, request.body).definition) };
  });
  app.post('/v1/forms/:id', async (request) => {
    const caller = await authenticate(pool, request);
    requireManager(caller);
    const { id } = parse(formParams, request.params);
    return { form: await updateForm(pool, caller, id, parse(formSaveSchema, request.body)) };
  });
  app.post('/v1/forms/:id/archive', async (request) => {
    const caller = await authenticate(pool, request);
    requireManager(caller);
    const { id } = parse(formParams, request.params);
    return { form: await updateForm(pool, caller, id, parse(archiveBody, request.body)) };
  });
  void app.register(async (scope) => publicRoutes(scope, pool, now, limits));
}

/**
 * The website's side, open to anyone: a start token, and the submission. CORS here is the form's own (the origins
 * its manager listed), not the service's extension origins, so these routes answer it themselves.
 */
function publicRoutes(scope: FastifyInstance, pool: Pool, now: () => number, limits: FormLimits): void {
  const config = { cors: false };
  scope.addHook('onSend', async (_request, reply) => {
    // Answers are JSON and say so: no browser may sniff one into a page, whatever a field held.
    reply.header('x-content-type-options', 'nosniff').header('cache-control', 'no-store');
  });
  scope.setErrorHandler((error, _request, reply) => {
    if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      reply.status(413).send({
        error: { code: 'body_too_large', message: `a form submission is limited to ${MAX_SUBMISSION_BYTES} bytes` },
      });
      return;
    }
    // Everything else is answered as every other endpoint answers it.
    throw error;
  });

  /** The form, with CORS headers when the page's origin is one of its own; refuses a post from anywhere else. */
  const formFor = async (request: FastifyRequest, reply: FastifyReply): Promise<PublicForm> => {
    const id = recordId.safeParse((request.params as { id?: unknown }).id);
    const form = id.success ? await publicForm(pool, id.data) : null;
    if (!form) throw notFound('no such form: it may have been removed');
    const origin = request.headers.origin;
    reply.header('vary', 'Origin');
    if (origin === undefined || !form.definition.allowedOrigins.includes(origin)) {
      throw new ApiError(403, 'origin_not_allowed', 'this form takes submissions only from the sites its team listed');
    }
    reply.header('access-control-allow-origin', origin);
    return form;
  };

  scope.options('/v1/public/forms/:id/:action', { config }, async (request, reply) => {
    await formFor(request, reply);
    reply
      .header('access-control-allow-methods', 'GET, POST')
      .header('access-control-allow-headers', 'content-type')
      .header('access-control-max-age', '600')
      .status(204)
      .send();
  });

  scope.get('/v1/public/forms/:id/start', { config }, async (request, reply) => {
    const form = await formFor(request, reply);
    return { token: startToken(form.secret, now()) };
  });

  scope.post(
    '/v1/public/forms/:id/submissions',
    { config, bodyLimit: MAX_SUBMISSION_BYTES },
    async (request, reply) => {
      const form = await formFor(request, reply);
      const at = now();
      await takeHit(pool, form.id, request.ip, limits, at);
      const body = submissionSchema.safeParse(request.body);
      if (!body.success) {
        // Named by path only: a key a robot made up is never written back to it.
        const path = body.error.issues[0]?.path.filter((part) => /^[a-z_]{1,40}$/.test(String(part))).join('.');
        throw badRequest(`this is not a submission of the form${path ? ` (${path})` : ''}`);
      }
      // A robot that filled the hidden field is answered as a person would be, so it learns nothing; nothing is kept.
      if (body.data[HONEYPOT_FIELD]) {
        request.log.info({ form: form.id }, 'form submission caught by the spam trap');
        return { ok: true };
      }
      const token = checkToken(form.secret, body.data.token, at);
      if (token === 'too_fast') throw new ApiError(400, 'too_fast', 'the form was sent too quickly: wait a moment');
      if (token !== 'ok') throw badRequest('the form has expired: reload the page and send it again');
      const values = readValues(form.definition, body.data.values);
      if (!values.ok) {
        const field = form.definition.fields.find((f) => f.key === values.field);
        throw badRequest(field ? `${field.label.en}: ${values.problem}` : 'a field this form does not have was sent', {
          field: field?.key ?? null,
        });
      }
      await transaction(pool, async (client) => {
        const team = await client.query<{ version: number }>('SELECT version FROM teams WHERE id = $1 FOR UPDATE', [
          form.teamId,
        ]);
        const locked = await publicForm(client, form.id, true);
        if (!locked) throw notFound('no such form: it may have been removed');
        await writeLead(
          client,
          {
            teamId: form.teamId,
            form: locked.definition,
            values: values.values,
            page: body.data.page,
            turn: locked.submissions,
            now: at,
          },
          Number(team.rows[0]!.version),
        );
        await client.query('UPDATE forms SET submissions = submissions + 1 WHERE id = $1', [form.id]);
      });
      reply.status(201);
      return { ok: true };
    },
  );
}
