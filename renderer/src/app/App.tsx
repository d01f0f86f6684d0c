import { useEffect } from 'react';
import { NAV, Sidebar } from './Sidebar';
import { useRoute, useServices } from './services';
import { useShortcuts } from './useShortcuts';
import { Toasts } from '../components/Toasts';
import { ProjectsScreen } from '../screens/projects/ProjectsScreen';
import { QueueScreen } from '../screens/queue/QueueScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { SessionScreen } from '../screens/session/SessionScreen';
import { GalleryScreen } from '../screens/gallery/GalleryScreen';

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
        {screen === 'projects' && <ProjectsScreen />}
        {screen === 'session' && <SessionScreen />}
        {screen === 'gallery' && <GalleryScreen />}
        {screen === 'queue' && <QueueScreen />}
        {screen === 'settings' && <SettingsScreen />}
      </main>
      <Toasts />
    </div>
  );
}
