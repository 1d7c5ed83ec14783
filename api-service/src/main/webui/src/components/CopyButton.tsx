/** Copies a text to the clipboard and says so for two seconds. */
import { useState } from 'react';
import { Button } from './ui';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (plain http, headless): fall back to a selected, off-screen text area.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'fixed -left-[9999px] top-0';
    document.body.appendChild(area);
    area.select();
    const ok = typeof document.execCommand === 'function' && document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function CopyButton({ text, label = 'Copy', size = 'sm' }: { text: string; label?: string; size?: 'sm' | 'md' }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <Button variant="secondary" size={size} aria-live="polite" onClick={async () => {
      setState((await copy(text)) ? 'copied' : 'failed');
      setTimeout(() => setState('idle'), 2000);
    }}>
      {state === 'copied' ? 'Copied ✓' : state === 'failed' ? 'Select and copy' : label}
    </Button>
  );
}
