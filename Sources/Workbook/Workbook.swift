/// Workbook: chapter parsing, directives, HTML/SVG rendering and site building.
public enum Workbook {}
