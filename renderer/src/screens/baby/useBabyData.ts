// The baby half of a session: starts generations.createBaby, follows its job, and reads each
// portrait's trait report from its recipe (images.lineage) once the drafts are listed.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices, useSession } from '../../app/services';
import { toUserError } from '../../bridge/errors';
import type { Job } from '../../bridge/types';
import { useJob } from '../session/useSessionData';
import { toBabyResult, type BabyResult, type BabySettings } from './baby-data';

export interface BabyData {
  job: Job | null;
  /** Newest first, like the drafts they come from. */
  results: BabyResult[];
  generate(settings: BabySettings): Promise<void>;
}

export function useBabyData(projectId: string | null, reloadDrafts: () => Promise<void>): BabyData {
  const { bridge, session, toasts, jobs } = useServices();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const drafts = useSession((s) => s.drafts);
  const cache = useRef(new Map<string, BabyResult | null>());
  const [results, setResults] = useState<BabyResult[]>([]);

  useEffect(() => {
    cache.current.clear();
    setJobId(null);
    setResults([]);
  }, [projectId]);

  useEffect(() => {
    if (job?.status === 'done') void reloadDrafts();
  }, [job?.status, reloadDrafts]);

  // Recipes are read once per image; a new generation only fetches its own.
  useEffect(() => {
    if (!projectId) return;
    let live = true;
    void (async () => {
      const missing = drafts.filter((d) => !cache.current.has(d.id));
      await Promise.all(
        missing.map(async (draft) => {
          try {
            const [self] = await bridge.invoke('images.lineage', { id: draft.id });
            cache.current.set(draft.id, self ? toBabyResult(self, self.recipe, bridge.mediaUrl, self.relPath) : null);
          } catch (error) {
            cache.current.set(draft.id, null);
            toasts.getState().error(toUserError(error));
          }
        }),
      );
      if (!live) return;
      setResults(drafts.map((d) => cache.current.get(d.id)).filter((r): r is BabyResult => r != null));
    })();
    return () => {
      live = false;
    };
  }, [bridge, drafts, projectId, toasts]);

  const generate = useCallback(
    async ({ age, variations, shareA, scene }: BabySettings) => {
      if (!projectId) return;
      const { seed } = session.getState();
      try {
        const created = await bridge.invoke('generations.createBaby', { projectId, age, variations, shareA, scene, seed });
        jobs.getState().applyUpdate(created);
        setJobId(created.id);
        session.getState().advanceSeed();
      } catch (error) {
        toasts.getState().error(toUserError(error));
      }
    },
    [bridge, jobs, projectId, session, toasts],
  );

  return { job, results, generate };
}
