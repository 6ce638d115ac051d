import sharp from 'sharp';

/**
 * The demo's photovoice pictures, drawn here rather than photographed: scenes without people, so
 * no face of anyone real is in the demo.
 */
const scenes = {
  /** An evening window: a dark sky, a lamp lit inside, a plant on the sill. */
  window: `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
    <rect width="800" height="600" fill="#e9dcc6"/>
    <rect x="180" y="80" width="440" height="380" fill="#1f2a4d" stroke="#6b4f2a" stroke-width="24"/>
    <line x1="400" y1="80" x2="400" y2="460" stroke="#6b4f2a" stroke-width="14"/>
    <line x1="180" y1="270" x2="620" y2="270" stroke="#6b4f2a" stroke-width="14"/>
    <circle cx="520" cy="160" r="34" fill="#f4e7b2"/>
    <rect x="150" y="460" width="500" height="30" fill="#8a6a3f"/>
    <rect x="250" y="400" width="60" height="60" fill="#b5562e"/>
    <ellipse cx="280" cy="385" rx="50" ry="30" fill="#4f7f3a"/>
    <polygon points="640,520 700,520 720,600 620,600" fill="#d9a441"/>
    <ellipse cx="670" cy="505" rx="50" ry="24" fill="#f7d77a"/>
  </svg>`,
  /** A bus stop at noon: a bench, a sign, a long empty road. */
  busStop: `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
    <rect width="800" height="360" fill="#9fd0e8"/>
    <rect y="360" width="800" height="240" fill="#7d7d7d"/>
    <rect y="470" width="800" height="8" fill="#f2f2f2"/>
    <circle cx="650" cy="90" r="50" fill="#ffe27a"/>
    <rect x="120" y="170" width="14" height="230" fill="#3b3b3b"/>
    <rect x="80" y="150" width="94" height="60" rx="8" fill="#2f6fb0"/>
    <text x="127" y="192" font-size="36" text-anchor="middle" fill="#fff" font-family="sans-serif">7</text>
    <rect x="220" y="330" width="260" height="20" fill="#8a5a2b"/>
    <rect x="230" y="350" width="12" height="50" fill="#3b3b3b"/>
    <rect x="458" y="350" width="12" height="50" fill="#3b3b3b"/>
    <rect x="200" y="220" width="300" height="14" fill="#5b5b5b"/>
  </svg>`,
};
export type DemoScene = keyof typeof scenes;
export const demoScenes = Object.keys(scenes) as [DemoScene, ...DemoScene[]];

/** The scene as a JPEG, as a phone would upload it. */
export const drawScene = (scene: DemoScene) =>
  sharp(Buffer.from(scenes[scene])).jpeg({ quality: 80 }).toBuffer();
