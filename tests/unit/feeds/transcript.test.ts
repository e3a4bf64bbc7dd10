import { expect, test } from 'vitest';
import { transcriptText } from '../../../src/lib/transcript.ts';

test('a transcript opens with the title and gives each turn its speaker', () => {
  const text = transcriptText({
    title: 'Épisode 1',
    heading: 'Transcription',
    lines: [
      { speaker: 'Narratrice', text: 'Il est   tôt.\nOn part.' },
      { speaker: 'Bénévole', text: 'On y va.' },
    ],
    speakerLabel: (speaker) => `${speaker} :`,
  });

  expect(text).toBe(
    'Épisode 1\n\nTranscription\n\nNarratrice : Il est tôt. On part.\n\nBénévole : On y va.\n',
  );
});
