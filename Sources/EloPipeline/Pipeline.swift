/// The pipeline: the order of the stages, from a submitted file to labelled passages.
public enum Pipeline {}
