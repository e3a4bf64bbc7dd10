// Each English episode's transcript as plain text, linked from the English feed.
import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { transcriptPaths, transcriptResponse } from '../../../../lib/feeds.ts';

export const getStaticPaths = () => transcriptPaths('en');
type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) => transcriptResponse('en', props.entry);
