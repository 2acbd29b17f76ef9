/**
 * The bundled data of the Midden-Nederland programme Digitale Veiligheid en Cybercrime.
 *
 * @since 0.1.0
 */
export {
  dataset,
  encodedDataset,
  indicatoren,
  jaarplannen,
  metingen,
  program,
  reeksbreuken,
  regio,
  registraties
} from "./Dataset.ts"
