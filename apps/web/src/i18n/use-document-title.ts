import { useEffect } from 'react';

/** Sets the tab title per page, so screen-reader users hear where a navigation took them. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Playloop` : 'Playloop';
  }, [title]);
}
