// A baby session: both parents' selfies, age / resemblance / scene, then variations, each with
// its resemblance to each parent and its trait report. Upscale and compare work as for drafts.
import { useEffect, useRef, useState } from 'react';
import { useServices, useSession } from '../../app/services';
import type { Project } from '../../bridge/types';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { randomSeed } from '../../stores/session';
import { CompareView } from '../compare/CompareView';
import { JobProgress } from '../session/JobProgress';
import { PeopleColumn } from '../session/PeopleColumn';
import { SessionHeader } from '../session/SessionHeader';
import { useSessionData } from '../session/useSessionData';
import { BabyControls } from './BabyControls';
import { BabyResultCard } from './BabyResultCard';
import { followRemix } from './baby-data';
import { useBabyData } from './useBabyData';

export function BabySession({ projectId, project }: { projectId: string; project: Project }) {
  const { session } = useServices();
  const state = useSession((s) => s);
  const data = useSessionData(projectId, { themes: false });
  const baby = useBabyData(projectId, data.reloadDrafts);
  // A remix from the gallery starts from that portrait's settings (its base seed is the session's
  // seed); any other session from the defaults, even when an earlier remix is still in the store
  // at the first render (the session's reset clears it just after).
  const remixed = useSession((s) => s.babySettings);
  const [controls, setControls] = useState(() => followRemix(null, remixed));
  useEffect(() => {
    setControls((c) => followRemix(c, remixed));
  }, [remixed]);
  const { settings } = controls;
  const [comparing, setComparing] = useState(false);
  const resultsPanel = useRef<HTMLDivElement>(null);
  const done = baby.job?.status === 'done';
  useEffect(() => {
    if (done) resultsPanel.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [done]);

  const has = (person: 'A' | 'B') => state.photos.some((p) => p.person === person);
  const running = baby.job?.status === 'running' || baby.job?.status === 'queued';
  const blockedReason = running ? 'Baby portraits are rendering.' : !has('A') || !has('B') ? 'Add a selfie of each parent first.' : null;
  const selected = baby.results.filter((r) => state.selectedDrafts.includes(r.id));
  // The inheritance model is the same sentence on every card: say it once, above them.
  const model = baby.results[0]?.model;

  return (
    <section className="screen session" aria-labelledby="session-title">
      <SessionHeader project={project} />
      <div className="session-layout">
        <PeopleColumn label="Parent" photos={state.photos} showMesh={state.showMesh} importing={data.importing} importReason={null} onFiles={data.importFiles} onPickFace={data.chooseFace} />

        <div className="work-column">
          <div className="panel">
            <h2 className="panel-title">Future baby</h2>
            <BabyControls
              settings={settings}
              seed={state.seed}
              reuseSeed={state.reuseSeed}
              blockedReason={blockedReason}
              onChange={(patch) => setControls((c) => ({ ...c, settings: { ...c.settings, ...patch } }))}
              onSeed={(seed) => session.getState().setSeed(seed)}
              onReuseSeed={(reuse) => session.getState().setReuseSeed(reuse)}
              onRandomSeed={() => session.getState().setSeed(randomSeed())}
              onGenerate={() => void baby.generate(settings)}
            />
            {baby.job && (
              <JobProgress job={baby.job} label="Baby portraits" doneText={baby.job.message || 'Baby portraits ready.'} workingText={'Reading both parents\u2019 traits…'} />
            )}
          </div>

          <div className="panel panel-grow" ref={resultsPanel}>
            <div className="panel-head">
              <h2 className="panel-title">Variations</h2>
              <div className="panel-tools">
                <Button disabled={selected.length === 0} data-testid="upscale-2k" onClick={() => void data.upscale('2k')}>
                  Upscale 2K
                </Button>
                <Button disabled={selected.length === 0} data-testid="upscale-4k" onClick={() => void data.upscale('4k')}>
                  Upscale 4K
                </Button>
                <Button icon="compare" disabled={selected.length !== 2} data-testid="compare" title="Select two variations to compare" onClick={() => setComparing(true)}>
                  Compare
                </Button>
              </div>
            </div>
            {model && (
              <p className="baby-model" data-testid="inheritance-model">
                {model}
              </p>
            )}
            {baby.results.length === 0 ? (
              <EmptyState icon="image" title="No variations yet" testId="baby-empty">
                Add a selfie of each parent, choose an age and how much the baby should take after each of them, then press Generate. Each variation comes with a trait report: every trait, from whom, and how sure we are.
              </EmptyState>
            ) : (
              <div className="baby-grid" data-testid="baby-grid">
                {baby.results.map((result, index) => (
                  <BabyResultCard key={result.id} result={result} index={index} selected={state.selectedDrafts.includes(result.id)} onToggle={(id) => session.getState().toggleDraft(id)} />
                ))}
              </div>
            )}
          </div>
        </div>
      </div>

      {comparing && selected.length === 2 && (
        <CompareView left={{ url: selected[0].url, label: `Seed ${selected[0].seed}` }} right={{ url: selected[1].url, label: `Seed ${selected[1].seed}` }} onClose={() => setComparing(false)} />
      )}
    </section>
  );
}
