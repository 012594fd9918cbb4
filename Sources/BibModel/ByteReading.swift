/// What reading a text on its bytes gave: the value the character reading would give (which
/// may itself say "nothing here"), or nothing when the bytes hold characters the byte reading
/// cannot stand for (the characters are read then).
public enum ByteReading<Value> {
  case read(Value)
  case otherCharacters
}
