/// NetLab: fully connected networks, training and per-layer statistics, built on WeightInit.
///
/// Networks are multilayer perceptrons (``MLP``) with weights in PyTorch layout
/// `[out_features, in_features]`, initialised from ``WeightInit`` spec strings, with
/// hand-written forward and backward passes on top of the deterministic
/// ``MatrixMultiply`` kernel.
public enum NetLab {}
