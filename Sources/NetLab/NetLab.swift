/// NetLab: fully connected networks, training and per-layer statistics, built on WeightInit.
public enum NetLab {}
