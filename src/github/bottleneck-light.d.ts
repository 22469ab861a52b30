// plugin-throttling uses bottleneck's build without clustering; its groups must come from the same
// build, which ships no types of its own: they are those of the full build.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
