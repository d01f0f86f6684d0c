import { lazy, Suspense, useEffect } from 'react';
import { NAV, Sidebar } from './Sidebar';
import { useRoute, useServices } from './services';
import { useShortcuts } from './useShortcuts';
import { Toasts } from '../components/Toasts';
import { GalleryScreen } from '../screens/gallery/GalleryScreen';

// The gallery is in the boot chunk (it is the screen that must paint fast, and the entry module
// prefetches its list); the other screens load on first visit, so the boot chunk parses sooner.
const ProjectsScreen = lazy(() => import('../screens/projects/ProjectsScreen').then((m) => ({ default: m.ProjectsScreen })));
const SessionScreen = lazy(() => import('../screens/session/SessionScreen').then((m) => ({ default: m.SessionScreen })));
const QueueScreen = lazy(() => import('../screens/queue/QueueScreen').then((m) => ({ default: m.QueueScreen })));
const SettingsScreen = lazy(() => import('../screens/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));

export function App() {
  const services = useServices();
  const screen = useRoute((s) => s.route.screen);

  // Live updates: the queue and the project list follow what Pairlight reports.
  useEffect(() => {
    const { bridge, jobs, projects } = services;
    void projects.getState().load();
    void jobs.getState().load();
    const offs = [
      bridge.on('job.updated', (job) => jobs.getState().applyUpdate(job)),
      bridge.on('job.progress', (progress) => jobs.getState().applyProgress(progress)),
      bridge.on('projects.changed', () => void projects.getState().load()),
    ];
    const onHash = () => services.route.getState().sync(window.location.hash);
    window.addEventListener('hashchange', onHash);
    // React and the screens load after the entry module read the hash: a change made meanwhile
    // (a link followed while the page booted) fired before this listener existed.
    onHash();
    return () => {
      offs.forEach((off) => off());
      window.removeEventListener('hashchange', onHash);
    };
  }, [services]);

  useShortcuts(
    Object.fromEntries(NAV.map((item, index) => [`Mod+${index + 1}`, () => services.route.getState().go(item.screen)])),
  );

  return (
    <div className="app">
      <Sidebar />
      <main className="main" data-screen={screen}>
        <Suspense fallback={null}>
          {screen === 'projects' && <ProjectsScreen />}
          {screen === 'session' && <SessionScreen />}
          {screen === 'gallery' && <GalleryScreen />}
          {screen === 'queue' && <QueueScreen />}
          {screen === 'settings' && <SettingsScreen />}
        </Suspense>
      </main>
      <Toasts />
    </div>
  );
}
