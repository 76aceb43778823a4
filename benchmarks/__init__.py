"""nkcorpus benchmarks: each compares against a plain baseline in the same run."""
