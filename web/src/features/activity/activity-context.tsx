import { useApolloClient } from '@apollo/client/react';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { ActivityRecorder } from './activity';

const ActivityContext = createContext<ActivityRecorder | null>(null);

export function ActivityProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [recorder] = useState(() => new ActivityRecorder(client));
  return <ActivityContext.Provider value={recorder}>{children}</ActivityContext.Provider>;
}

export function useActivity(): ActivityRecorder {
  const recorder = useContext(ActivityContext);
  if (!recorder) throw new Error('useActivity needs an ActivityProvider');
  return recorder;
}
