import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandNames, type EventName } from '../../../electron/contract';
import { handlers } from '../../../electron/app/commands';
import { invokeCommand } from '../../../electron/app/dispatch';
import type { AppServices } from '../../../electron/app/services';
import { tempServices } from './temp-services';

let env: ReturnType<typeof tempServices>;
let services: AppServices;
beforeEach(() => {
  env = tempServices();
  services = env.services;
});
afterEach(() => env.dispose());

async function call(command: unknown, input: unknown) {
  return invokeCommand(services, command, input);
}

describe('dispatch', () => {
  it('has a handler for exactly the contract\'s commands', () => {
    expect(Object.keys(handlers).sort()).toEqual([...commandNames].sort());
  });

  it('answers UNKNOWN_COMMAND for a name outside the contract, including prototype names', async () => {
    for (const name of ['projects.explode', '__proto__', 'constructor', 42]) {
      const reply = await call(name, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    }
  });

  it('refuses invalid input with VALIDATION and changes nothing', async () => {
    const created = await call('projects.create', { name: 'Anna & Ben', kind: 'couple' });
    expect(created.ok).toBe(true);
    const before = JSON.stringify(services.repos.projects.list());
    const bad: [string, unknown][] = [
      ['projects.create', { name: '', kind: 'couple' }],
      ['projects.create', { name: 'x', kind: 'wedding' }],
      ['projects.create', { name: 'x'.repeat(500), kind: 'couple' }],
      ['projects.create', { name: 'x', kind: 'couple', id: 'chosen-by-caller' }],
      ['projects.create', null],
      ['projects.create', 'text'],
      ['projects.rename', { id: created.ok ? (created.result as { id: string }).id : '', name: '   ' }],
      ['projects.delete', { id: '' }],
      ['settings.set', { threads: -1 }],
      ['settings.set', { provider: 'tpu' }],
      ['settings.set', { unknownSetting: true }],
    ];
    for (const [command, input] of bad) {
      const reply = await call(command, input);
      expect(reply, `${command} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!reply.ok) expect(reply.error.message.length).toBeGreaterThan(10);
    }
    expect(JSON.stringify(services.repos.projects.list())).toBe(before);
    expect((await call('settings.get', {})).ok && (await call('settings.get', {}))).toMatchObject({ result: { threads: 0, provider: 'auto' } });
  });

  it('creates, renames, gets and deletes a project with its folder, announcing each change', async () => {
    const seen: EventName[] = [];
    services.events.subscribe((event) => seen.push(event));
    const created = await call('projects.create', { name: '  Baby plans ', kind: 'baby' });
    if (!created.ok) throw new Error(created.error.message);
    const project = created.result as { id: string; name: string };
    expect(project.name).toBe('Baby plans');
    expect(existsSync(services.folders.pathOf(project.id))).toBe(true);

    expect(await call('projects.rename', { id: project.id, name: 'Our baby' })).toMatchObject({ ok: true, result: { name: 'Our baby' } });
    expect(await call('projects.get', { id: project.id })).toMatchObject({ ok: true, result: { name: 'Our baby', kind: 'baby' } });
    expect(await call('projects.delete', { id: project.id })).toEqual({ ok: true, result: { id: project.id } });
    expect(existsSync(services.folders.pathOf(project.id))).toBe(false);
    expect(await call('projects.get', { id: project.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('projects.delete', { id: project.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(seen.filter((e) => e === 'projects.changed')).toHaveLength(3);
  });

  it('reports app info and stores settings', async () => {
    expect(await call('app.info', {})).toMatchObject({ ok: true, result: { dataDir: env.dataDir, version: expect.stringMatching(/^\d+\.\d+\.\d+/) } });
    expect(await call('settings.set', { embedMetadata: false, maxHeavyJobs: 2 })).toMatchObject({ ok: true, result: { embedMetadata: false, maxHeavyJobs: 2 } });
    expect(await call('settings.get', {})).toMatchObject({ ok: true, result: { embedMetadata: false, maxHeavyJobs: 2 } });
  });

  it('answers NOT_FOUND for jobs that do not exist', async () => {
    for (const command of ['jobs.get', 'jobs.cancel', 'jobs.retry']) {
      expect(await call(command, { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await call('jobs.list', {})).toEqual({ ok: true, result: [] });
  });
});
