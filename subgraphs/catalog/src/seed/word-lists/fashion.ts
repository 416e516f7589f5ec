import { ADULTS, EVERYONE, WOMEN, type LeafSpec } from './common';

const SHOE_BRANDS = ['Stridewell', 'Kestrel', 'Northpace', 'Altura', 'Ridgeline', 'Marlowe', 'Tempo Athletics', 'Sable Row', 'Copperleaf'];
const CLOTHING_BRANDS = ['Hartwell & Co', 'Linden Lane', 'Northwind Outfitters', 'Saltmarsh', 'Urban Loom', 'Bramble', 'Cobalt Thread', 'Juniper', 'Westmere'];
const ACCESSORY_BRANDS = ['Everbright', 'Mossgrove', 'Brass & Birch', 'Atlas Goods', 'Solstice', 'Kinfolk Leather', 'Tidewater', 'Orion Time'];
const SHOE_WORDS = ['Classic', 'Everyday', 'Urban', 'Lightweight', 'Cushioned', 'Retro', 'Minimal', 'Premium', 'Weekend'];
const CLOTHING_WORDS = ['Essential', 'Relaxed', 'Tailored', 'Heritage', 'Everyday', 'Organic', 'Vintage', 'Modern', 'Classic'];
const ACCESSORY_WORDS = ['Classic', 'Minimal', 'Heritage', 'Travel', 'Everyday', 'Slim', 'Compact', 'Premium', 'Signature'];
const FABRICS = ['Cotton', 'Organic Cotton', 'Cotton Blend', 'Linen Blend', 'Polyester', 'Modal'];
const FITS = ['Regular Fit', 'Slim Fit', 'Relaxed Fit', 'Oversized'];

export const FASHION_LEAVES: readonly LeafSpec[] = [
  {
    path: ['Footwear', 'Shoes', 'Casual Shoes'], weight: 9, nouns: ['Sneakers', 'Loafers', 'Canvas Shoes', 'Boat Shoes', 'Slip-On Shoes'],
    brands: SHOE_BRANDS, adjectives: SHOE_WORDS, price: [35, 140], option: 'shoeSize', audience: EVERYONE, coloured: true,
    attributes: { 'Upper Material': ['Canvas', 'Leather', 'Suede', 'Mesh', 'Synthetic'], Sole: ['Rubber', 'EVA', 'TPR'], Closure: ['Lace-Up', 'Slip-On', 'Velcro'] },
    features: ['A padded collar and cushioned insole keep every step comfortable', 'The flexible rubber outsole grips on city streets', 'Breathable lining keeps feet cool all day', 'Reinforced stitching at the toe adds durability'],
  },
  {
    path: ['Footwear', 'Shoes', 'Sports Shoes'], weight: 8, nouns: ['Running Shoes', 'Training Shoes', 'Trail Runners', 'Court Shoes', 'Walking Shoes'],
    brands: SHOE_BRANDS, adjectives: ['Pro', 'Tempo', 'Endurance', 'Trail', 'Swift', 'Cushioned', 'Lightweight'], price: [45, 180], option: 'shoeSize', audience: EVERYONE, coloured: true,
    attributes: { Sport: ['Running', 'Training', 'Tennis', 'Basketball', 'Walking'], Cushioning: ['Neutral', 'Stability', 'Max Cushion'], 'Upper Material': ['Mesh', 'Knit', 'Synthetic'] },
    features: ['A responsive foam midsole returns energy with every stride', 'The engineered mesh upper breathes on long runs', 'A grippy outsole handles wet and dry surfaces', 'A heel counter locks the foot in place'],
  },
  {
    path: ['Footwear', 'Shoes', 'Formal Shoes'], weight: 4, nouns: ['Oxfords', 'Derby Shoes', 'Brogues', 'Monk Straps'],
    brands: SHOE_BRANDS, adjectives: ['Classic', 'Heritage', 'Polished', 'Tailored', 'Signature'], price: [60, 220], option: 'shoeSize', audience: ADULTS, coloured: true,
    attributes: { 'Upper Material': ['Leather', 'Patent Leather', 'Suede'], Sole: ['Leather', 'Rubber'], 'Toe Shape': ['Round Toe', 'Pointed Toe', 'Square Toe'] },
    features: ['Goodyear-welted construction means the sole can be replaced', 'Full-grain leather develops a rich patina over time', 'A leather lining moulds to the foot', 'A low stacked heel adds a refined finish'],
  },
  {
    path: ['Footwear', 'Shoes', 'Heels'], weight: 4, nouns: ['Pumps', 'Block Heels', 'Stilettos', 'Wedges', 'Kitten Heels'],
    brands: SHOE_BRANDS, adjectives: ['Elegant', 'Classic', 'Evening', 'Statement', 'Everyday'], price: [35, 160], option: 'shoeSize', audience: WOMEN, coloured: true,
    attributes: { 'Heel Height': ['Low', 'Medium', 'High'], 'Heel Type': ['Block', 'Stiletto', 'Wedge', 'Kitten'], 'Upper Material': ['Leather', 'Suede', 'Satin'] },
    features: ['A padded footbed cushions every step', 'The slim ankle strap keeps the shoe in place', 'A non-slip sole adds confidence', 'The almond toe lengthens the silhouette'],
  },
  {
    path: ['Footwear', 'Sandal', 'Sandals'], weight: 4, nouns: ['Sandals', 'Slides', 'Gladiator Sandals', 'Sport Sandals'],
    brands: SHOE_BRANDS, adjectives: ['Summer', 'Beach', 'Everyday', 'Lightweight', 'Strappy'], price: [20, 90], option: 'shoeSize', audience: EVERYONE, coloured: true,
    attributes: { 'Strap Material': ['Leather', 'Webbing', 'Synthetic'], Footbed: ['Cork', 'EVA', 'Memory Foam'] },
    features: ['Adjustable straps give a secure fit', 'A contoured footbed supports the arch', 'Quick-drying materials are made for the beach', 'A textured sole grips on wet ground'],
  },
  {
    path: ['Footwear', 'Flip Flops', 'Flip Flops'], weight: 2, nouns: ['Flip Flops', 'Beach Slippers', 'Pool Slides'],
    brands: SHOE_BRANDS, adjectives: ['Summer', 'Beach', 'Soft', 'Everyday'], price: [8, 35], option: 'shoeSize', audience: EVERYONE, coloured: true,
    attributes: { Material: ['Rubber', 'EVA'] },
    features: ['Soft, water-friendly rubber dries in minutes', 'A cushioned footbed for lazy days', 'The textured surface keeps feet from slipping'],
  },
  {
    path: ['Footwear', 'Boots', 'Ankle Boots'], weight: 3, nouns: ['Chelsea Boots', 'Ankle Boots', 'Desert Boots', 'Lace-Up Boots'],
    brands: SHOE_BRANDS, adjectives: ['Classic', 'Rugged', 'Heritage', 'Urban', 'Weatherproof'], price: [70, 240], option: 'shoeSize', audience: EVERYONE, coloured: true,
    attributes: { 'Upper Material': ['Leather', 'Suede', 'Nubuck'], Lining: ['Leather', 'Textile', 'Shearling'], Waterproof: ['Yes', 'No'] },
    features: ['Elastic side panels make them easy to pull on', 'A lugged sole grips on wet pavements', 'Treated leather shrugs off light rain', 'A cushioned insole for all-day wear'],
  },
  {
    path: ['Footwear', 'Boots', 'Hiking Boots'], weight: 2, nouns: ['Hiking Boots', 'Trekking Boots', 'Mountain Boots'],
    brands: SHOE_BRANDS, adjectives: ['Trail', 'Alpine', 'Summit', 'All-Terrain', 'Rugged'], price: [80, 260], option: 'shoeSize', audience: EVERYONE,
    attributes: { Waterproof: ['Yes', 'No'], 'Ankle Height': ['Mid', 'High'], Sole: ['Vibram', 'Rubber'] },
    features: ['A waterproof membrane keeps feet dry on wet trails', 'A stiff shank supports heavy packs', 'A protective toe cap fends off rocks', 'Deep lugs bite into mud and loose ground'],
  },
  {
    path: ['Apparel', 'Topwear', 'Tshirts'], weight: 10, nouns: ['T-Shirt', 'Crew Neck T-Shirt', 'V-Neck T-Shirt', 'Polo T-Shirt', 'Graphic Tee'],
    brands: CLOTHING_BRANDS, adjectives: CLOTHING_WORDS, price: [12, 45], option: 'apparelSize', audience: EVERYONE, coloured: true,
    attributes: { Fabric: FABRICS, Fit: FITS, 'Sleeve Length': ['Short Sleeves', 'Long Sleeves'], Pattern: ['Solid', 'Striped', 'Printed', 'Colourblocked'] },
    features: ['Soft jersey knit feels good from the first wear', 'A ribbed neckline keeps its shape wash after wash', 'Pre-shrunk so the fit stays true', 'Side seams prevent twisting'],
  },
  {
    path: ['Apparel', 'Topwear', 'Shirts'], weight: 7, nouns: ['Shirt', 'Oxford Shirt', 'Denim Shirt', 'Flannel Shirt', 'Linen Shirt'],
    brands: CLOTHING_BRANDS, adjectives: CLOTHING_WORDS, price: [25, 90], option: 'apparelSize', audience: ADULTS, coloured: true,
    attributes: { Fabric: ['Cotton', 'Linen', 'Denim', 'Flannel', 'Cotton Blend'], Fit: FITS, Collar: ['Button-Down', 'Spread', 'Mandarin'], Pattern: ['Solid', 'Checked', 'Striped'] },
    features: ['A curved hem looks sharp tucked in or out', 'Mother-of-pearl buttons add a finishing touch', 'Breathable woven cotton for warm days', 'A chest pocket keeps essentials at hand'],
  },
  {
    path: ['Apparel', 'Topwear', 'Sweaters'], weight: 4, nouns: ['Sweater', 'Cardigan', 'Crew Neck Jumper', 'Turtleneck'],
    brands: CLOTHING_BRANDS, adjectives: ['Cosy', 'Chunky', 'Fine-Knit', 'Heritage', 'Classic'], price: [35, 150], option: 'apparelSize', audience: EVERYONE, coloured: true,
    attributes: { Fabric: ['Merino Wool', 'Cotton', 'Cashmere Blend', 'Lambswool'], Fit: FITS, Neck: ['Crew Neck', 'V-Neck', 'Turtleneck'] },
    features: ['Fine merino regulates temperature', 'Ribbed cuffs and hem hold their shape', 'Knitted to resist pilling', 'Layers easily over a shirt'],
  },
  {
    path: ['Apparel', 'Topwear', 'Jackets'], weight: 5, nouns: ['Bomber Jacket', 'Denim Jacket', 'Puffer Jacket', 'Rain Jacket', 'Windbreaker'],
    brands: CLOTHING_BRANDS, adjectives: ['Packable', 'Insulated', 'Classic', 'Urban', 'All-Weather'], price: [60, 260], option: 'apparelSize', audience: EVERYONE, coloured: true,
    attributes: { Fabric: ['Nylon', 'Recycled Polyester', 'Denim', 'Leather'], Closure: ['Zip', 'Button', 'Snap'], 'Water Resistance': ['Water Resistant', 'Waterproof', 'None'] },
    features: ['Taped seams keep the rain out', 'Recycled insulation traps warmth without bulk', 'Zipped hand pockets keep valuables safe', 'Packs into its own pocket for travel'],
  },
  {
    path: ['Apparel', 'Topwear', 'Sweatshirts'], weight: 4, nouns: ['Hoodie', 'Sweatshirt', 'Zip Hoodie'],
    brands: CLOTHING_BRANDS, adjectives: ['Relaxed', 'Brushed', 'Everyday', 'Heavyweight', 'Vintage'], price: [30, 90], option: 'apparelSize', audience: EVERYONE, coloured: true,
    attributes: { Fabric: ['Cotton Fleece', 'French Terry', 'Organic Cotton'], Fit: FITS },
    features: ['Brushed fleece inside feels soft and warm', 'A kangaroo pocket keeps hands warm', 'Ribbed trims hold their shape'],
  },
  {
    path: ['Apparel', 'Bottomwear', 'Jeans'], weight: 6, nouns: ['Jeans', 'Skinny Jeans', 'Straight Jeans', 'Bootcut Jeans', 'Tapered Jeans'],
    brands: CLOTHING_BRANDS, adjectives: ['Classic', 'Stretch', 'Vintage', 'Raw', 'Everyday'], price: [40, 130], option: 'waistSize', audience: ADULTS,
    attributes: { Fit: ['Skinny', 'Slim', 'Straight', 'Relaxed'], 'Waist Rise': ['Low-Rise', 'Mid-Rise', 'High-Rise'], Wash: ['Light Wash', 'Mid Wash', 'Dark Wash', 'Black'], Fabric: ['Denim', 'Stretch Denim', 'Organic Denim'] },
    features: ['Comfort stretch moves with you', 'Five-pocket styling that never dates', 'Ring-spun denim fades beautifully', 'Reinforced rivets at stress points'],
  },
  {
    path: ['Apparel', 'Bottomwear', 'Trousers'], weight: 4, nouns: ['Chinos', 'Trousers', 'Cargo Trousers', 'Joggers'],
    brands: CLOTHING_BRANDS, adjectives: ['Tailored', 'Relaxed', 'Everyday', 'Stretch', 'Classic'], price: [35, 110], option: 'waistSize', audience: ADULTS, coloured: true,
    attributes: { Fabric: ['Cotton Twill', 'Stretch Cotton', 'Linen Blend', 'Wool Blend'], Fit: ['Slim', 'Regular', 'Relaxed', 'Tapered'] },
    features: ['A touch of stretch for all-day comfort', 'Pressed creases keep a sharp line', 'Deep pockets fit a phone', 'An adjustable waistband'],
  },
  {
    path: ['Apparel', 'Bottomwear', 'Shorts'], weight: 4, nouns: ['Shorts', 'Chino Shorts', 'Running Shorts', 'Denim Shorts'],
    brands: CLOTHING_BRANDS, adjectives: ['Summer', 'Relaxed', 'Lightweight', 'Everyday'], price: [18, 60], option: 'apparelSize', audience: EVERYONE, coloured: true,
    attributes: { Fabric: ['Cotton', 'Linen Blend', 'Recycled Polyester', 'Denim'], Length: ['5 inch', '7 inch', '9 inch'] },
    features: ['A drawcord waist for an easy fit', 'Quick-drying fabric for hot days', 'Side pockets and a zipped back pocket'],
  },
  {
    path: ['Apparel', 'Dress', 'Dresses'], weight: 5, nouns: ['Dress', 'Shirt Dress', 'Wrap Dress', 'Maxi Dress', 'Midi Dress'],
    brands: CLOTHING_BRANDS, adjectives: ['Floral', 'Summer', 'Evening', 'Flowing', 'Tailored'], price: [35, 160], option: 'apparelSize', audience: WOMEN, coloured: true,
    attributes: { Fabric: ['Viscose', 'Cotton', 'Linen', 'Crepe'], Length: ['Mini', 'Midi', 'Maxi'], Sleeve: ['Sleeveless', 'Short Sleeves', 'Long Sleeves'] },
    features: ['A flattering wrap silhouette', 'Lined for a clean drape', 'Hidden side pockets', 'A tie waist to adjust the fit'],
  },
  {
    path: ['Accessories', 'Bags', 'Backpacks'], weight: 4, nouns: ['Backpack', 'Daypack', 'Laptop Backpack', 'Rolltop Backpack'],
    brands: ACCESSORY_BRANDS, adjectives: ACCESSORY_WORDS, price: [35, 180], option: 'colour',
    attributes: { Capacity: ['15 L', '20 L', '25 L', '30 L'], Material: ['Nylon', 'Recycled PET', 'Canvas', 'Waxed Canvas'], 'Laptop Sleeve': ['Yes', 'No'] },
    features: ['A padded sleeve fits a 15-inch laptop', 'Water-resistant fabric protects your gear', 'Padded straps spread the load', 'A hidden pocket for your passport'],
  },
  {
    path: ['Accessories', 'Bags', 'Handbags'], weight: 4, nouns: ['Tote Bag', 'Shoulder Bag', 'Crossbody Bag', 'Satchel'],
    brands: ACCESSORY_BRANDS, adjectives: ACCESSORY_WORDS, price: [40, 300], option: 'colour', audience: WOMEN,
    attributes: { Material: ['Leather', 'Vegan Leather', 'Canvas', 'Suede'], Closure: ['Zip', 'Magnetic Snap', 'Open Top'] },
    features: ['An adjustable strap to wear it your way', 'Inner pockets keep essentials organised', 'Soft leather that ages gracefully'],
  },
  {
    path: ['Accessories', 'Wallets', 'Wallets'], weight: 3, nouns: ['Bifold Wallet', 'Card Holder', 'Zip Wallet', 'Travel Wallet'],
    brands: ACCESSORY_BRANDS, adjectives: ACCESSORY_WORDS, price: [15, 90], option: 'colour',
    attributes: { Material: ['Leather', 'Vegan Leather', 'Recycled Nylon'], 'RFID Protection': ['Yes', 'No'] },
    features: ['Six card slots and a note compartment', 'RFID blocking keeps cards safe', 'Slim enough for a front pocket'],
  },
  {
    path: ['Accessories', 'Watches', 'Watches'], weight: 4, nouns: ['Chronograph Watch', 'Analog Watch', 'Digital Watch', 'Dive Watch', 'Field Watch'],
    brands: ACCESSORY_BRANDS, adjectives: ['Classic', 'Heritage', 'Minimal', 'Sport', 'Signature'], price: [60, 600], option: 'none', audience: EVERYONE, coloured: true,
    attributes: { Movement: ['Quartz', 'Automatic', 'Solar'], 'Strap Material': ['Leather', 'Stainless Steel', 'Silicone', 'Nylon'], 'Water Resistance': ['30 m', '50 m', '100 m', '200 m'], 'Dial Shape': ['Round', 'Square'] },
    features: ['Sapphire crystal resists scratches', 'Luminous hands for reading in the dark', 'A quick-release strap to swap looks', 'A screw-down crown keeps water out'],
  },
  {
    path: ['Accessories', 'Eyewear', 'Sunglasses'], weight: 3, nouns: ['Aviator Sunglasses', 'Wayfarer Sunglasses', 'Round Sunglasses', 'Sport Sunglasses'],
    brands: ACCESSORY_BRANDS, adjectives: ['Classic', 'Retro', 'Polarised', 'Lightweight'], price: [25, 220], option: 'none', audience: EVERYONE, coloured: true,
    attributes: { Lens: ['Polarised', 'Gradient', 'Mirrored'], 'Frame Material': ['Acetate', 'Metal', 'TR90'], 'UV Protection': ['UV400'] },
    features: ['Full UV400 protection', 'Polarised lenses cut glare from water', 'Spring hinges for a comfortable fit', 'Comes with a hard case'],
  },
  {
    path: ['Accessories', 'Belts', 'Belts'], weight: 2, nouns: ['Leather Belt', 'Canvas Belt', 'Reversible Belt', 'Braided Belt'],
    brands: ACCESSORY_BRANDS, adjectives: ACCESSORY_WORDS, price: [15, 70], option: 'apparelSize', audience: ADULTS, coloured: true,
    attributes: { Material: ['Leather', 'Canvas', 'Suede'], Buckle: ['Silver', 'Brass', 'Matte Black'] },
    features: ['A solid brass buckle that will not tarnish', 'Cut from a single piece of leather', 'Reversible for two looks in one'],
  },
  {
    path: ['Accessories', 'Headwear', 'Caps'], weight: 2, nouns: ['Baseball Cap', 'Beanie', 'Bucket Hat', 'Trucker Cap'],
    brands: CLOTHING_BRANDS, adjectives: ['Classic', 'Washed', 'Everyday', 'Logo'], price: [12, 40], option: 'none', audience: EVERYONE, coloured: true,
    attributes: { Material: ['Cotton Twill', 'Wool Blend', 'Recycled Polyester'], Closure: ['Strapback', 'Snapback', 'Fitted'] },
    features: ['An adjustable strap fits most heads', 'A pre-curved peak shades the eyes', 'Soft knit keeps ears warm'],
  },
];
