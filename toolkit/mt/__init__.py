"""Machine translation: argos packages (install, list), CTranslate2 engines, routing with pivots."""
