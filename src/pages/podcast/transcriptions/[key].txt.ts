// Each French episode's transcript as plain text, linked from the French feed.
import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { transcriptPaths, transcriptResponse } from '../../../lib/feeds.ts';

export const getStaticPaths = () => transcriptPaths('fr');
type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) => transcriptResponse('fr', props.entry);
