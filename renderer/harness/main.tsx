// The UI harness: mounts one scene (chosen by the URL hash) inside the real app frame, with
// synthetic fixtures. window.harness exposes what the tests need to observe.
import { useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { Sidebar } from '../src/app/Sidebar';
import { createServices, ServicesProvider, useServices, useSession } from '../src/app/services';
import { BridgeError } from '../src/bridge/errors';
import type { PairlightBridge } from '../src/bridge/types';
import { Toasts } from '../src/components/Toasts';
import { CompareView } from '../src/screens/compare/CompareView';
import { GalleryView } from '../src/screens/gallery/GalleryView';
import { DraftsGrid } from '../src/screens/session/DraftsGrid';
import { DropZone } from '../src/screens/session/DropZone';
import { GeneratePanel } from '../src/screens/session/GeneratePanel';
import { PhotoCard } from '../src/screens/session/PhotoCard';
import { ThemePicker } from '../src/screens/session/ThemePicker';
import type { ThemeView } from '../src/stores/session';
import '../src/styles/app.css';
import { drawPicture, galleryRows, syntheticFace, type Figure } from './fixtures';

declare global {
  interface Window {
    harness: { ready: boolean; committedDeletes: string[] };
  }
}
window.harness = { ready: false, committedDeletes: [] };

const offline: PairlightBridge = {
  invoke: () => Promise.reject(new BridgeError('HARNESS', 'The harness has no Pairlight behind it.')),
  on: () => () => {},
  mediaUrl: () => '',
};

const couple: Figure[] = [
  { cx: 330, cy: 420, rx: 120, ry: 160, skin: '#d9a98a', hair: '#3b2a20' },
  { cx: 690, cy: 440, rx: 125, ry: 165, skin: '#b98466', hair: '#1d1714' },
];

function Frame({ children }: { children: ReactNode }) {
  return (
    <div className="app">
      <Sidebar />
      <main className="main">{children}</main>
      <Toasts />
    </div>
  );
}

async function gallery(root: ReturnType<typeof createRoot>) {
  const services = createServices(offline, '#/gallery', () => undefined);
  const thumbs = await Promise.all(Array.from({ length: 24 }, (_, i) => drawPicture(256, 320, (i * 37) % 360, [{ cx: 128, cy: 150, rx: 48, ry: 64, skin: '#d2a184', hair: '#2c211b' }], `#${i}`)));
  services.gallery.getState().setImages(galleryRows(Number(new URLSearchParams(location.search).get('count') ?? 10_000), thumbs));
  root.render(
    <ServicesProvider services={services}>
      <Frame>
        <section className="screen gallery">
          <header className="screen-header">
            <h1>Gallery · harness (synthetic images)</h1>
          </header>
          <GalleryView onDeleteCommitted={(id) => window.harness.committedDeletes.push(id)} onRemix={() => undefined} onGenerate={() => undefined} />
        </section>
      </Frame>
    </ServicesProvider>,
  );
}

function SessionScene({ themes }: { themes: ThemeView[] }) {
  const { session } = useServices();
  const state = useSession((s) => s);
  const [comparing, setComparing] = useState(false);
  const selected = state.drafts.filter((d) => state.selectedDrafts.includes(d.id));
  return (
    <section className="screen session">
      <header className="screen-header">
        <div className="title-stack">
          <h1>Session · harness (synthetic data)</h1>
        </div>
        <label className="check">
          <input type="checkbox" data-testid="toggle-mesh" checked={state.showMesh} onChange={() => session.getState().toggleMesh()} />
          Face mesh
        </label>
      </header>
      <div className="session-layout">
        <div className="people-column">
          {(['A', 'B'] as const).map((person) => (
            <DropZone key={person} person={person} title={`Person ${person}`} disabledReason={null} onFiles={() => undefined}>
              {state.photos
                .filter((p) => p.person === person)
                .map((photo) => (
                  <PhotoCard key={photo.id} photo={photo} showMesh={state.showMesh} onPickFace={(i) => session.getState().pickFace(photo.id, i)} />
                ))}
            </DropZone>
          ))}
        </div>
        <div className="work-column">
          <div className="panel">
            <h2 className="panel-title">Theme</h2>
            <ThemePicker themes={themes} selected={state.themeId} onPick={(id) => session.getState().pickTheme(id)} unavailableReason={null} />
          </div>
          <div className="panel">
            <GeneratePanel
              count={state.count}
              seed={state.seed}
              reuseSeed={state.reuseSeed}
              blockedReason={null}
              onCount={(c) => session.getState().setCount(c)}
              onSeed={(s) => session.getState().setSeed(s)}
              onReuseSeed={(r) => session.getState().setReuseSeed(r)}
              onRandomSeed={() => session.getState().setSeed(123)}
              onGenerate={() => session.getState().advanceSeed()}
              refineDefault={0.45}
              diffusionInstalled={false}
            />
          </div>
          <div className="panel">
            <div className="panel-head">
              <h2 className="panel-title">Drafts</h2>
              <div className="panel-tools">
                <button type="button" className="btn" data-testid="compare" disabled={selected.length !== 2} onClick={() => setComparing(true)}>
                  Compare
                </button>
              </div>
            </div>
            <DraftsGrid drafts={state.drafts} selected={state.selectedDrafts} aspect={4 / 5} onToggle={(id) => session.getState().toggleDraft(id)} />
          </div>
        </div>
      </div>
      {comparing && selected.length === 2 && (
        <CompareView left={{ url: selected[0].url!, label: `Seed ${selected[0].seed}` }} right={{ url: selected[1].url!, label: `Seed ${selected[1].seed}` }} onClose={() => setComparing(false)} />
      )}
    </section>
  );
}

async function session(root: ReturnType<typeof createRoot>) {
  const services = createServices(offline, '#/session', () => undefined);
  const single = (f: Figure): Figure => ({ ...f, cx: 400, cy: 460, rx: 170, ry: 225 });
  const [photoA, photoB, group] = await Promise.all([
    drawPicture(800, 1000, 200, [single(couple[0])]),
    drawPicture(800, 1000, 20, [single(couple[1])]),
    drawPicture(1024, 800, 120, couple),
  ]);
  const themeNames: [string, string, string][] = [
    ['Golden hour', 'Warm backlight in a summer field', '4:5'],
    ['Paris rooftop', 'Dusk over zinc roofs', '3:2'],
    ['Studio grey', 'Classic portrait on seamless paper', '4:5'],
    ['Autumn park', 'Soft overcast light, red leaves', '2:3'],
    ['Seaside', 'Windy beach, late afternoon', '16:9'],
    ['Winter cabin', 'Candle light and wool', '4:5'],
  ];
  const themes = await Promise.all(
    themeNames.map(async ([name, description, aspect], i) => ({ id: `t${i}`, name, description, aspect, previewUrl: await drawPicture(320, 400, i * 55, couple.map((f) => ({ ...f, cx: f.cx * 0.31, cy: f.cy * 0.45 + 40, rx: f.rx * 0.31, ry: f.ry * 0.31 }))) })),
  );
  const drafts = await Promise.all(
    Array.from({ length: 8 }, async (_, i) => ({
      id: `d${i}`,
      url: await drawPicture(800, 1000, 30 + i * 9, couple.map((f) => ({ ...f, cx: f.cx * 0.78, cy: f.cy + 60 }))),
      seed: 1000 + i,
      identity: { A: 0.5 + ((i * 7) % 10) / 25, B: 0.55 + ((i * 3) % 10) / 25 },
      rejected: i === 2 || i === 5 ? `Person ${i === 2 ? 'A' : 'B'} does not look like themselves (likeness 0.41, needs 0.60).` : null,
    })),
  );
  const s = services.session.getState();
  s.setPhotos([
    { id: 'pa', person: 'A', url: photoA, width: 800, height: 1000, name: 'anna-selfie.jpg', faces: [syntheticFace(single(couple[0]))], selectedFace: 0 },
    {
      id: 'pg',
      person: 'B',
      url: group,
      width: 1024,
      height: 800,
      name: 'wedding-group.jpg',
      faces: [syntheticFace(couple[0]), syntheticFace(couple[1], [{ code: 'turned_away', message: 'Turned away: face the camera', severity: 'warning' }])],
      selectedFace: 1,
    },
    { id: 'pb', person: 'B', url: photoB, width: 800, height: 1000, name: 'marc-selfie.jpg', faces: [syntheticFace(single(couple[1]), [{ code: 'too_dark', message: 'A little dark: light from the front', severity: 'warning' }])], selectedFace: 0 },
  ]);
  s.pickTheme('t0');
  s.setSeed(2718281828);
  s.setDrafts(drafts);
  root.render(
    <ServicesProvider services={services}>
      <Frame>
        <SessionScene themes={themes} />
      </Frame>
    </ServicesProvider>,
  );
}

const root = createRoot(document.getElementById('root')!);
const scenes: Record<string, (r: typeof root) => Promise<void>> = { gallery, session };
void (scenes[location.hash.slice(1)] ?? gallery)(root).then(() => {
  window.harness.ready = true;
});
