// The PRNG moved to shared/ so the simulation (shared/stats) draws from the same generator; demo code keeps this path.
export { Prng } from '../../../shared/stats/prng';
